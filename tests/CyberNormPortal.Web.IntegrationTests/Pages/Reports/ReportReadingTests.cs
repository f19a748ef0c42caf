using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Reports;

/// <summary>Reading published national reports across States: the cycle list, the norm view and the States behind its numbers, compare, search.</summary>
public sealed class ReportReadingTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task NormView_EveryNumber_EqualsTheStatesItsLinkLists()
    {
        var (cycle, slug) = await ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published, actionStatus: ChecklistStatus.Implemented);
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published, actionStatus: ChecklistStatus.InProgress);
        await Portal.CreateReportAsync("DEU", cycle, EntryStatus.Published, actionStatus: ChecklistStatus.Implemented, norms: [1, 2]);
        await Portal.CreateReportAsync("BRA", cycle, EntryStatus.Published, actionStatus: ChecklistStatus.NotStarted, norms: [3]);

        var (status, page) = await Portal.GetPageAsync($"/reports/{slug}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(11, page.QuerySelectorAll("section.report-norm").Length);
        Assert.Equal(11, page.QuerySelectorAll("svg.report-chart").Length);
        var links = page.QuerySelectorAll("table.report-counts td a").ToList();
        Assert.Equal(11 * (1 + 2) * 4, links.Count); // per norm: the norm and its two actions, four statuses each
        var nonZero = 0;
        foreach (var link in links)
        {
            var count = int.Parse(link.TextContent, CultureInfo.InvariantCulture);
            nonZero += count > 0 ? 1 : 0;
            var (listed, list) = await Portal.GetPageAsync(link.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, listed);
            Assert.Equal(count, list.QuerySelectorAll("ul.report-states li").Length);
            Assert.Equal($"{count} States", Text.Visible(list.QuerySelector(".result-count")));
        }

        Assert.True(nonZero > 20, $"Only {nonZero} numbers above zero: the test reads too little.");
        var norm1 = Row(page, 1, 0);
        Assert.Equal([2, 1, 0, 0], norm1); // KEN and DEU implemented, FRA in progress
        Assert.Equal([1, 1, 1, 0], Row(page, 3, 1)); // KEN, FRA, BRA
        var (_, implemented) = await Portal.GetPageAsync(Link(page, 1, 0, 0));
        var names = implemented.QuerySelectorAll("ul.report-states a").Select(a => (Text.Visible(a), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Germany", $"/states/deu/reports/{slug}"), ("Kenya", $"/states/ken/reports/{slug}")], names);

        var (_, cycles) = await Portal.GetPageAsync("/reports");
        var row = cycles.QuerySelectorAll("table.report-cycles tbody tr").Single();
        Assert.Equal($"/reports/{slug}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("4", Text.Visible(row.QuerySelectorAll("td")[1]));
    }

    [Fact]
    public async Task StatesList_NoStatusOrUnknownAction_SaysWhatIsWrong()
    {
        var (cycle, slug) = await ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published);

        var (_, noStatus) = await Portal.GetPageAsync($"/reports/{slug}/states?norm=1");
        var (_, unknown) = await Portal.GetPageAsync($"/reports/{slug}/states?action=made-up&status=Implemented");
        var (_, badStatus) = await Portal.GetPageAsync($"/reports/{slug}/states?norm=1&status=Done");
        var (missing, _) = await Portal.GetPageAsync("/reports/no-such-cycle/states?norm=1&status=Implemented");

        Assert.Contains("Choose a checklist status.", Text.Visible(noStatus.QuerySelector(".notice")), StringComparison.Ordinal);
        Assert.Contains("There is no practical action “made-up” in this cycle's checklist.", Text.Visible(unknown.QuerySelector(".notice")), StringComparison.Ordinal);
        Assert.Contains("“Done” is not a checklist status", Text.Visible(badStatus.QuerySelector(".notice")), StringComparison.Ordinal);
        Assert.Empty(unknown.QuerySelectorAll("ul.report-states li"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Compare_TwoStates_ShowsEachStatusAndMeasures_LongOnesCutWithALinkToTheReport()
    {
        var (cycle, slug) = await ReportCycleAsync(Portal);
        var long_ = "The national CSIRT coordinates incident response across ministries. " + string.Concat(Enumerable.Repeat("It meets every week with operators. ", 20));
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published, actionStatus: ChecklistStatus.Implemented, norms: [1], measures: long_);
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published, actionStatus: ChecklistStatus.InProgress, norms: [1], measures: "<b>A law</b> of 2024.");

        var (status, page) = await Portal.GetPageAsync($"/reports/{slug}/compare?states=KEN&states=FRA");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Kenya", "France"], page.QuerySelectorAll("table.report-compare thead th a").Select(Text.Visible));
        Assert.Equal(["", "France", "Kenya"], page.QuerySelectorAll("#state-0 option").Select(o => Text.Visible(o)).Select(t => t == "Choose a State" ? "" : t));
        var firstAction = page.QuerySelectorAll("table.report-compare tbody tr").Skip(1).First();
        var kenya = firstAction.QuerySelector("td[data-state='KEN']")!;
        var france = firstAction.QuerySelector("td[data-state='FRA']")!;
        Assert.Equal("Implemented", Text.Visible(kenya.QuerySelector(".report-status")));
        Assert.EndsWith("…", Text.Visible(kenya.QuerySelector(".report-measures")), StringComparison.Ordinal);
        Assert.Equal($"/states/ken/reports/{slug}", kenya.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("In progress", Text.Visible(france.QuerySelector(".report-status")));
        Assert.Equal("<b>A law</b> of 2024.", Text.Visible(france.QuerySelector(".report-measures")));
        Assert.Null(france.QuerySelector("b"));
        Assert.Null(france.QuerySelector("a"));
        var norm2 = page.QuerySelectorAll("table.report-compare tbody").Skip(1).First().QuerySelectorAll("td").Select(td => Text.Visible(td.QuerySelector(".report-status")));
        Assert.All(norm2, s => Assert.Equal("Not reported", s));
    }

    [Theory]
    [InlineData(1, "Choose at least 2 States to compare.")]
    [InlineData(5, "At most 4 States can be compared")]
    public async Task Compare_TooFewOrTooManyStates_SaysSoNextToTheField_AndKeepsTheChoice(int count, string message)
    {
        var (cycle, slug) = await ReportCycleAsync(Portal);
        string[] states = ["KEN", "FRA", "DEU", "BRA", "JPN"];
        foreach (var state in states)
        {
            await Portal.CreateReportAsync(state, cycle, EntryStatus.Published);
        }

        var query = string.Join('&', states.Take(count).Select(s => $"states={s}"));
        var (status, page) = await Portal.GetPageAsync($"/reports/{slug}/compare?{query}");

        Assert.Equal(HttpStatusCode.OK, status);
        var error = page.QuerySelector("fieldset #states-error");
        Assert.Contains(message, Text.Visible(error), StringComparison.Ordinal);
        Assert.Equal("states-error", page.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Equal("KEN", page.QuerySelector("#state-0 option[selected]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("table.report-compare"));
        if (count == 5)
        {
            Assert.Equal(["KEN", "FRA", "DEU", "BRA"], Enumerable.Range(0, 4).Select(i => page.QuerySelector($"#state-{i} option[selected]")!.GetAttribute("value")));
        }
    }

    [Fact]
    public async Task Compare_AStateWithoutAReport_IsNotOffered_AndRefusedByName()
    {
        var (cycle, slug) = await ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published);
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Draft);

        var (_, page) = await Portal.GetPageAsync($"/reports/{slug}/compare?states=KEN&states=FRA");

        Assert.Equal(["", "KEN"], page.QuerySelectorAll("#state-0 option").Select(o => o.GetAttribute("value")));
        Assert.Contains("France has no published report in this cycle that you may read.", Text.Visible(page.QuerySelector("#states-error")), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.report-compare"));
    }

    [Fact]
    public async Task Search_FindsPublishedReportParts_WithStateCycleExcerptAndLink()
    {
        var (cycle, slug) = await ReportCycleAsync(Portal);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Published, measures: "A quillwort task force shares incident data.");
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published, measures: "Nothing of the kind.");
        await Portal.CreateReportAsync("DEU", cycle, EntryStatus.Submitted, measures: "A quillwort draft.");

        var (status, page) = await Portal.GetPageAsync("/reports/search?q=quillwort");

        Assert.Equal(HttpStatusCode.OK, status);
        var results = page.QuerySelectorAll("ol.report-results li").ToList();
        var result = Assert.Single(results);
        Assert.Equal($"/states/ken/reports/{slug}", result.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.StartsWith("Kenya – ", Text.Visible(result.QuerySelector("h3")), StringComparison.Ordinal);
        Assert.Contains("quillwort", Text.Visible(result), StringComparison.Ordinal);
        Assert.Equal("1 parts of national reports match", Text.Visible(page.QuerySelector(".result-count")));
        Assert.Equal("quillwort", page.QuerySelector("#q")!.GetAttribute("value"));
    }

    /// <summary>An open cycle with the illustrative questionnaire (two actions per norm): its id and slug.</summary>
    internal static async Task<(int Id, string Slug)> ReportCycleAsync(PortalFixture portal)
    {
        var cycle = await portal.OpenCycleAsync("National reports 2026");
        await portal.CreateQuestionnaireAsync(cycle);
        var slug = await portal.WithDbAsync(db => db.Cycles.Where(c => c.Id == cycle).Select(c => c.Slug).SingleAsync());
        return (cycle, slug);
    }

    /// <summary>The four numbers (implemented, in progress, not started, not applicable) of a row of a norm's table: 0 the norm, 1… its actions.</summary>
    private static int[] Row(IDocument page, int norm, int row) =>
        [.. RowOf(page, norm, row).QuerySelectorAll("td a").Select(a => int.Parse(a.TextContent, CultureInfo.InvariantCulture))];

    private static string Link(IDocument page, int norm, int row, int status) =>
        RowOf(page, norm, row).QuerySelectorAll("td a")[status].GetAttribute("href")!;

    private static IElement RowOf(IDocument page, int norm, int row) =>
        page.QuerySelector($"section[aria-labelledby='norm-{norm}'] table.report-counts")!.QuerySelectorAll("tbody tr")[row];
}
