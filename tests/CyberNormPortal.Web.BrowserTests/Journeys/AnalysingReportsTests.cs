using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.BrowserTests.Infrastructure;
using CyberNormPortal.Web.Data;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.Journeys;

/// <summary>
/// An analyst searches, narrows by norm and State, opens the coverage map, follows a cell, compares three
/// States and downloads the synthesis as Word — in Chromium, with axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalysingReportsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_SearchesNarrowsMapsComparesAndDownloads()
    {
        await PublishAsync("KEN", 3, "Kenyan quokka coordination centre");
        await PublishAsync("KEN", 7, "Kenyan quokka grid drills");
        await PublishAsync("BRA", 3, "Brazilian quokka response network");
        var page = await browser.NewPageAsync();

        // Search, then narrow by norm and by State through the counted filters.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByLabel("Words to look for").FillAsync("quokka");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/search?q=quokka**");
        await page.AssertNoAxeViolationsAsync();
        await page.Locator(".facet").Filter(new() { HasText = "Norm" }).GetByRole(AriaRole.Link, new() { Name = "Norm 3" }).ClickAsync();
        await page.Locator(".facet").Filter(new() { HasText = "State" }).GetByRole(AriaRole.Link, new() { Name = "Kenya" }).ClickAsync();
        Assert.Contains("norm=3", page.Url, StringComparison.Ordinal);
        Assert.Contains("state=KEN", page.Url, StringComparison.Ordinal);
        Assert.Equal(["Kenyan quokka coordination centre"], await page.Locator(".search-results h3").AllInnerTextsAsync());
        await page.AssertNoAxeViolationsAsync();

        // The coverage map for the African group of States; a cell opens the matching search.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Coverage" }).ClickAsync();
        await page.GetByLabel("UN regional group").SelectOptionAsync(new SelectOptionValue { Label = "African States" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show map" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Kenya, norm 7: 1 entries" }).ClickAsync();
        await page.WaitForURLAsync("**/search?state=KEN&norm=7**");
        Assert.Equal(["Kenyan quokka grid drills"], await page.Locator(".search-results h3").AllInnerTextsAsync());

        // Three States side by side.
        await page.GotoAsync("/compare");
        await page.GetByLabel("State 1").SelectOptionAsync(new SelectOptionValue { Label = "Kenya" });
        await page.GetByLabel("State 2").SelectOptionAsync(new SelectOptionValue { Label = "Brazil" });
        await page.GetByLabel("State 3").SelectOptionAsync(new SelectOptionValue { Label = "France" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        Assert.Equal(3, await page.Locator("table.compare thead th a").CountAsync());
        Assert.Contains("Brazilian quokka response network", await page.Locator("table.compare tbody tr").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();

        // The G7 synthesis as a Word document.
        await page.GotoAsync("/synthesis?group=g7&cycle=g7-cni-2019");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Word" }).First.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using var document = WordprocessingDocument.Open(path, false);
        Assert.Contains("Norm 1", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    private async Task PublishAsync(string state, int norm, string title)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cycle = await db.Cycles.Select(c => c.Id).FirstAsync();
        var content = new EntryContent(EntryKind.ImplementationStep, title, "Summary of " + title, "Body of " + title, "en", TlpLabel.Clear,
            [PracticeCategory.IncidentResponseAndCrisisManagement], []);
        db.Entries.Add(Entry.ImportPublished(norm, cycle, EntryAuthor.State(state), content, DateTimeOffset.UtcNow, $"browser/{Guid.NewGuid():N}", "Test"));
        await db.SaveChangesAsync();
    }
}
