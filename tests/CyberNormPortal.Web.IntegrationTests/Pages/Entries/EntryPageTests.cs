using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Entries;

public sealed class EntryPageTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task EntryPage_ShowsTextNormStateCycleAndCategories()
    {
        var id = await Portal.PublishAsync("KEN", norm: 7, title: "Critical infrastructure regulation adopted");

        var (status, page) = await Portal.GetPageAsync($"/entries/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Critical infrastructure regulation adopted", Text.Visible(page.QuerySelector("h1")));
        var facts = Text.Visible(page.QuerySelector(".facts"));
        Assert.Contains("Norm 7 – Protect critical infrastructure", facts, StringComparison.Ordinal);
        Assert.Contains("Kenya", facts, StringComparison.Ordinal);
        Assert.Contains("G7 Cyber Norm Initiative 2019", facts, StringComparison.Ordinal);
        Assert.Contains("Institutions and CERT/CSIRT", facts, StringComparison.Ordinal);
        Assert.Equal("CSIRT", Text.Visible(page.QuerySelector(".entry__body strong")));
    }

    [Fact]
    public async Task EntryPage_RendersMarkdownSanitised_NoScriptHandlerOrJavascriptLinkSurvives()
    {
        const string hostile = """
            # Heading
            <script>alert('x')</script>
            <img src=x onerror="alert(1)">
            [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.org/law)
            <a href="https://example.org" onclick="alert(2)">raw link</a>
            """;
        var id = await Portal.PublishAsync("KEN", body: hostile, title: "<b>Bold</b> & \"quoted\"");

        var (_, page) = await Portal.GetPageAsync($"/entries/{id}");

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(page.QuerySelectorAll("main img"));
        Assert.DoesNotContain(page.QuerySelectorAll("main *"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        var hrefs = page.QuerySelectorAll(".entry__body a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Equal(["https://example.org/law"], hrefs);
        Assert.Contains("click data ok", Text.Visible(page.QuerySelector(".entry__body")), StringComparison.Ordinal);
        Assert.Equal("<b>Bold</b> & \"quoted\"", Text.Visible(page.QuerySelector("h1")));
        // A user's top-level heading is demoted below the page's own h1.
        Assert.Equal("Heading", Text.Visible(page.QuerySelector(".entry__body h2:not(#body-heading)")));
    }

    [Theory]
    [InlineData(TlpLabel.Green)]
    [InlineData(TlpLabel.Amber)]
    public async Task EntryPage_OfARestrictedEntry_IsNotFoundForVisitors_AndNotListedAnywhere(TlpLabel visibility)
    {
        var id = await Portal.PublishAsync("KEN", norm: 2, title: "Restricted incident playbook", visibility: visibility);

        var (status, _) = await Portal.GetPageAsync($"/entries/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        foreach (var url in new[] { "/norms/2", "/states/ken", "/synthesis", "/synthesis?region=African", "/en/" })
        {
            var (_, page) = await Portal.GetPageAsync(url);
            Assert.DoesNotContain("Restricted incident playbook", page.Body!.TextContent, StringComparison.Ordinal);
        }

        var (_, norms) = await Portal.GetPageAsync("/norms");
        Assert.Equal("4 published entries", Text.Visible(norms.QuerySelectorAll(".norm-list .count")[1]));
    }

    [Fact]
    public async Task PublishedStateEntry_AppearsOnTheNormPageTheStateProfileAndTheSynthesis()
    {
        var id = await Portal.PublishAsync("KEN", norm: 11, title: "CSIRT protection pledge");

        var (_, norm) = await Portal.GetPageAsync("/norms/11");
        var (_, state) = await Portal.GetPageAsync("/states/ken");
        var (_, synthesis) = await Portal.GetPageAsync("/synthesis?region=African");

        Assert.NotNull(norm.QuerySelector($".entry-list a[href='/entries/{id}']"));
        Assert.NotNull(state.QuerySelector($".entry-list a[href='/entries/{id}']"));
        Assert.NotNull(synthesis.QuerySelector($"#norm-11 .bullets a[href='/entries/{id}']"));
        Assert.Equal("1 of 54 States in scope have published entries on this norm.", Text.Visible(synthesis.QuerySelector("#norm-11 .coverage")));
    }
}
