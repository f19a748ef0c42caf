using System.Globalization;
using System.Net;
using System.Xml.Linq;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Api;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Reports;

/// <summary>
/// Who sees which published report, over every surface that reads them across States: Kenya's report labelled
/// TLP:CLEAR, France's TLP:GREEN and Germany's TLP:AMBER. CLEAR reaches everyone, GREEN any signed-in account, AMBER
/// Germany's own users and moderators acting as such (two-factor); the API and the feed serve CLEAR only, whoever
/// asks. Reports not yet published (draft, in review, awaiting moderation) reach nobody, not even a moderator.
/// </summary>
public sealed class ReportVisibilityTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Word = "marramgrass";

    public static TheoryData<string, string[]> Readers() => new()
    {
        { "anonymous", ["KEN"] },
        { "analyst", ["FRA", "KEN"] },
        { "own-contributor", ["DEU", "FRA", "KEN"] },
        { "other-contributor", ["FRA", "KEN"] },
        { "moderator", ["DEU", "FRA", "KEN"] },
        { "moderator-without-two-factor", ["FRA", "KEN"] },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task EverySurface_Reader_ShowsExactlyTheReportsTheReaderMaySee(string reader, string[] expected)
    {
        var (cycle, slug) = await ReportReadingTests.ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published, TlpLabel.Clear, measures: $"Kenya {Word}.");
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published, TlpLabel.Green, measures: $"France {Word}.");
        await Portal.CreateReportAsync("DEU", cycle, EntryStatus.Published, TlpLabel.Amber, measures: $"Germany {Word}.");
        using var browser = await BrowserAsync(reader);

        await AssertSurfacesAsync(browser, slug, expected, reader);
    }

    [Fact]
    public async Task UnpublishedReports_AppearNowhere_EvenForAModerator()
    {
        var (cycle, slug) = await ReportReadingTests.ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published, measures: $"Kenya {Word}.");
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Draft, measures: $"France {Word}.");
        await Portal.CreateReportAsync("DEU", cycle, EntryStatus.Submitted, measures: $"Germany {Word}.");
        await Portal.CreateReportAsync("BRA", cycle, EntryStatus.AwaitingModeration, measures: $"Brazil {Word}.");
        using var browser = await BrowserAsync("moderator");

        await AssertSurfacesAsync(browser, slug, ["KEN"], "moderator");
    }

    private async Task AssertSurfacesAsync(Browser browser, string slug, string[] expected, string reader)
    {
        var clearOnly = new[] { "KEN" };

        var cycles = await OkAsync(browser, "/reports");
        var row = cycles.Document.QuerySelectorAll("table.report-cycles tbody tr").Single();
        Assert.True(expected.Length.ToString(CultureInfo.InvariantCulture) == Text.Visible(row.QuerySelectorAll("td")[1]), $"{reader}: cycle list count");

        // The norm view: every action of norm 1 is implemented in each report, so its "any action" number is the set.
        var view = await OkAsync(browser, $"/reports/{slug}");
        var implemented = view.Document.QuerySelector("section[aria-labelledby='norm-1'] table.report-counts tbody tr td a")!;
        Assert.True(expected.Length.ToString(CultureInfo.InvariantCulture) == implemented.TextContent, $"{reader}: norm view count {implemented.TextContent}");
        var list = await OkAsync(browser, implemented.GetAttribute("href")!);
        Assert.Equal(expected, States(list.Document.QuerySelectorAll("ul.report-states a").Select(a => a.GetAttribute("href")!)));

        var compare = await OkAsync(browser, $"/reports/{slug}/compare");
        Assert.Equal(expected, compare.Document.QuerySelectorAll("#state-0 option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).Order());
        var hidden = new[] { "DEU", "FRA" }.Except(expected).ToList();
        if (hidden.Count > 0)
        {
            var refused = await OkAsync(browser, $"/reports/{slug}/compare?states=KEN&states={hidden[0]}");
            Assert.Null(refused.Document.QuerySelector("table.report-compare"));
            Assert.DoesNotContain(Word, refused.Text, StringComparison.Ordinal);
        }

        var coverage = await OkAsync(browser, $"/coverage?view=checklist&cycle={slug}");
        Assert.Equal(expected, coverage.Document.QuerySelectorAll("table.checklist-coverage tbody tr").Select(r => r.GetAttribute("data-state")!).Order());
        Assert.All(
            coverage.Document.QuerySelectorAll("table.checklist-coverage tbody tr td:first-of-type a"),
            a => Assert.Equal("2/2", a.TextContent));

        var search = await OkAsync(browser, $"/reports/search?q={Word}");
        Assert.Equal(expected, States(search.Document.QuerySelectorAll("ol.report-results h3 a").Select(a => a.GetAttribute("href")!)));

        // Public surfaces: TLP:CLEAR only, whoever calls, the caller's cookie changing nothing.
        var api = await browser.Client.GetOkJsonAsync("/api/v1/reports");
        Assert.Equal(clearOnly, api["items"]!.AsArray().Select(i => i!["state"]!.GetValue<string>()).Order());
        Assert.Equal(1, api["total"]!.GetValue<int>());
        foreach (var state in new[] { "KEN", "FRA", "DEU", "BRA" })
        {
            using var detail = await browser.Client.GetAsync($"/api/v1/reports/{state}/{slug}");
            Assert.True((state == "KEN" ? HttpStatusCode.OK : HttpStatusCode.NotFound) == detail.StatusCode, $"{reader}: API report of {state}: {detail.StatusCode}");
        }

        var feed = XDocument.Parse(await browser.Client.GetStringAsync("/reports.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(clearOnly, States(feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "link")!.Attribute("href")!.Value)));
    }

    /// <summary>The ISO codes of links to report pages (<c>/states/ken/reports/…</c>), sorted.</summary>
    private static string[] States(IEnumerable<string> links) =>
        [.. links.Select(l => new Uri(new Uri("http://localhost"), l).AbsolutePath.Split('/')[2].ToUpperInvariant()).Order()];

    private static async Task<PageResponse> OkAsync(Browser browser, string url)
    {
        var page = await browser.GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}.");
        return page;
    }

    private async Task<Browser> BrowserAsync(string reader) => reader switch
    {
        "anonymous" => Portal.NewBrowser(),
        "analyst" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Analyst)),
        "own-contributor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Contributor, "DEU")),
        "other-contributor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN")),
        "moderator" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator)),
        "moderator-without-two-factor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(reader), reader, "No such reader."),
    };
}
