using System.Text.RegularExpressions;
using CyberNormPortal.Web.BrowserTests.Infrastructure;
using CyberNormPortal.Web.BrowserTests.PageObjects;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed partial class ReadingTheSynthesisTests(BrowserFixture browser)
{
    [Fact]
    public async Task Visitor_GoesFromHomeToTheG7Synthesis_AndFollowsABulletToItsEntry()
    {
        var page = await browser.NewPageAsync();

        var home = await HomePage.OpenAsync(page);
        Assert.Equal("How States implement the UN norms of responsible State behaviour in cyberspace", await home.HeadingTextAsync());
        await page.AssertNoAxeViolationsAsync();

        var synthesis = await home.OpenFeaturedSynthesisAsync();
        Assert.Equal("Group of Seven · G7 Cyber Norm Initiative 2019", await synthesis.HeadingTextAsync());
        Assert.Equal(11, await synthesis.NormSections.CountAsync());
        Assert.Contains(
            "G7 countries have developed an array of measures to increase cooperation",
            await synthesis.Norm(4).Locator(".lead-statement").InnerTextAsync(),
            StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();

        var entry = await synthesis.FollowBulletAsync(4, "Ratifying the Budapest Convention on Cybercrime");
        Assert.Matches(EntryUrl(), page.Url);
        Assert.Equal("Ratifying the Budapest Convention on Cybercrime", await entry.HeadingTextAsync());
        Assert.Contains("Council of Europe Convention on Cybercrime", await entry.Summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("G7 (joint entry)", await entry.Facts.InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Visitor_ChangesTheScope_AndTheSynthesisFollows()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/synthesis");
        var synthesis = new SynthesisPage(page);

        await synthesis.ChooseScopeAsync(region: "African States");

        Assert.Contains("region=African", page.Url, StringComparison.Ordinal);
        Assert.Equal("African States", await synthesis.HeadingTextAsync());
        Assert.Equal(
            "None of the 54 States in scope has published an entry on this norm yet.",
            await synthesis.Norm(1).Locator(".coverage").InnerTextAsync());
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Visitor_DownloadsTheG7SynthesisAsAWordDocument_ThatOpensWithItsElevenNorms()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/synthesis?group=g7&cycle=g7-cni-2019");
        var downloads = page.GetByRole(AriaRole.Region, new() { Name = "Download or print this synthesis" });
        Assert.Contains("Print", await downloads.InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(
            () => downloads.GetByRole(AriaRole.Link, new() { Name = "Word document (.docx)" }).ClickAsync());

        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        await using var file = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        bytes.Position = 0;
        using var document = WordprocessingDocument.Open(bytes, false);
        var headings = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText)
            .ToList();
        Assert.Equal(11, headings.Count);
        Assert.StartsWith("Norm 4 – ", headings[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/norms")]
    [InlineData("/norms/5")]
    [InlineData("/states")]
    [InlineData("/states/jpn")]
    [InlineData("/synthesis?group=g7&cycle=g7-cni-2019&view=category")]
    [InlineData("/norms/99")]
    public async Task EveryPage_HasNoAxeViolation_OnDesktopAndPhone(string url)
    {
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            var page = await browser.NewPageAsync(width, height);
            await page.GotoAsync(url);

            await page.AssertNoAxeViolationsAsync();
            await page.AssertNoHorizontalScrollAsync();
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Keyboard_User_SkipsStraightToTheMainContent()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/norms");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.True(await skip.IsVisibleAsync());

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [GeneratedRegex(@"/entries/\d+$")]
    private static partial Regex EntryUrl();
}
