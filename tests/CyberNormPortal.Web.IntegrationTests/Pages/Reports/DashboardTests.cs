using System.Globalization;
using System.Net;
using CsvHelper;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Reports;

/// <summary>
/// The secretariat's dashboard of a cycle: its totals equal the rows their links list, its filters keep the right
/// States, its CSV has exactly the page's rows, and only moderators (with two-factor sign-in) reach it.
/// </summary>
public sealed class DashboardTests(PortalFixture portal) : PortalTest(portal)
{
    public static readonly IReadOnlyCollection<string> CoveredEndpoints =
    [
        "GET /moderation/reports",
        "GET /moderation/reports/{cycleslug}/{handler?}",
        "GET /moderation/reports/{cycleslug}/{handler?}?handler=Csv",
    ];

    private const string CycleName = "National reports 2027";

    [Fact]
    public async Task Totals_EqualTheRowsTheirLinksList()
    {
        var slug = await CycleWithReportsAsync();
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var page = await moderator.GetAsync($"/moderation/reports/{slug}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var states = await Portal.WithDbAsync(db => db.States.CountAsync());
        Assert.Equal($"2 of {states} States have submitted", Text.Visible(page.Document.QuerySelector("#submitted-total")));
        Assert.Equal(states, Rows(page).Count);
        var links = page.Document.QuerySelectorAll("ul.progress-counts a").ToList();
        Assert.Equal(6, links.Count);
        var counts = new Dictionary<string, int>();
        foreach (var link in links)
        {
            var count = int.Parse(Text.Visible(link.QuerySelector(".count")), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            var listed = await moderator.GetAsync(link.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, listed.Status);
            Assert.Equal(count, Rows(listed).Count);
            counts[link.GetAttribute("data-progress")!] = count;
        }

        Assert.Equal(states, counts.Values.Sum());
        Assert.Equal(1, counts["Published"]); // FRA
        Assert.Equal(1, counts["Submitted"]); // KEN, signed off, waits for the secretariat
        Assert.Equal(1, counts["InReview"]); // BRA
        Assert.Equal(1, counts["Draft"]); // IND
        Assert.Equal(states - 4, counts["NotStarted"]);
        Assert.Equal(0, counts["Late"]);
        var published = await moderator.GetAsync($"/moderation/reports/{slug}?progress=Published");
        var france = Assert.Single(Rows(published));
        Assert.Equal($"/states/fra/reports/{slug}", france.QuerySelector("th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AfterClosing_StatesThatHaveNotSignedOff_AreLate()
    {
        var slug = await CycleWithReportsAsync(closesInDays: -2);
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var late = await moderator.GetAsync($"/moderation/reports/{slug}?progress=Late");

        var states = await Portal.WithDbAsync(db => db.States.CountAsync());
        Assert.Equal(states - 2, Rows(late).Count);
        Assert.Contains(Rows(late), r => r.GetAttribute("data-iso3") == "BRA");
        var submitted = await moderator.GetAsync($"/moderation/reports/{slug}?progress=Submitted");
        Assert.Equal("KEN", Assert.Single(Rows(submitted)).GetAttribute("data-iso3"));
    }

    [Fact]
    public async Task Filters_ByRegionAndGroup_KeepThoseStatesOnly()
    {
        var slug = await CycleWithReportsAsync();
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var african = await Portal.WithDbAsync(db => db.States.Where(s => s.RegionalGroup == RegionalGroup.African).Select(s => s.Iso3).ToListAsync());
        var g7 = await Portal.WithDbAsync(db => db.GroupMemberships.Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.Slug == "g7")).Select(m => m.StateIso3).ToListAsync());

        var byRegion = await moderator.GetAsync($"/moderation/reports/{slug}?region=African");
        var byGroup = await moderator.GetAsync($"/moderation/reports/{slug}?group=g7");
        var both = await moderator.GetAsync($"/moderation/reports/{slug}?group=g7&region=African");

        Assert.Equal(african.Order(), Iso3s(byRegion).Order());
        Assert.Contains("KEN", Iso3s(byRegion));
        Assert.Equal($"1 of {african.Count} States have submitted", Text.Visible(byRegion.Document.QuerySelector("#submitted-total")));
        Assert.Equal(g7.Order(), Iso3s(byGroup).Order());
        Assert.Contains("FRA", Iso3s(byGroup));
        Assert.Empty(Rows(both));
        var wrong = await moderator.GetAsync($"/moderation/reports/{slug}?group=no-such-group&progress=Sleeping");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("There is no group “no-such-group”", wrong.Text, StringComparison.Ordinal);
        Assert.Contains("There is no progress “Sleeping”", wrong.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACycleForAGroup_ListsItsMembersOnly_AndCountsThem()
    {
        var slug = await CycleWithReportsAsync();
        var g7 = await Portal.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == "g7");
            var cycle = await db.Cycles.SingleAsync(c => c.Slug == slug);
            cycle.Update(cycle.Slug, cycle.Name, cycle.OpensOn, cycle.ClosesOn, group.Id, isOpen: true);
            await db.SaveChangesAsync();
            return await db.GroupMemberships.Where(m => m.GroupId == group.Id).Select(m => m.StateIso3).ToListAsync();
        });
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var page = await moderator.GetAsync($"/moderation/reports/{slug}");

        Assert.Equal(g7.Order(), Iso3s(page).Order());
        Assert.DoesNotContain("KEN", Iso3s(page));
        Assert.Equal($"1 of {g7.Count} States have submitted", Text.Visible(page.Document.QuerySelector("#submitted-total")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?region=WesternEuropeanAndOthers")]
    [InlineData("?group=g7&progress=NotStarted")]
    public async Task Csv_HasExactlyThePagesRows(string filters)
    {
        var slug = await CycleWithReportsAsync();
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var page = await moderator.GetAsync($"/moderation/reports/{slug}{filters}");
        var csvLink = page.Document.QuerySelector("a[href*='/csv']")!.GetAttribute("href")!;

        var response = await moderator.Client.GetAsync(csvLink);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var records = new List<(string Iso3, string Progress)>();
        await reader.ReadAsync();
        reader.ReadHeader();
        while (await reader.ReadAsync())
        {
            records.Add((reader.GetField(0)!, reader.GetField(3)!));
        }

        Assert.NotEmpty(records);
        Assert.Equal(Iso3s(page), records.Select(r => r.Iso3).ToList());
        Assert.Equal(
            Rows(page).Select(r => Text.Visible(r.QuerySelectorAll("td")[1])).ToList(),
            records.Select(r => r.Progress).ToList());
        var audited = await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Subject == $"cycle:{slug}" && a.Action == "restricted-export"));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task CyclesList_PutsCyclesWithAQuestionnaireFirst_AndLinksTheirDashboards()
    {
        var slug = await CycleWithReportsAsync();
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var list = await moderator.GetAsync("/moderation/reports");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var first = list.Document.QuerySelector("table tbody tr th a")!;
        Assert.Equal(CycleName, Text.Visible(first));
        Assert.Equal($"/moderation/reports/{slug}", first.GetAttribute("href"));
    }

    [Fact]
    public async Task NonModerators_CannotOpenTheDashboardOrItsCsv()
    {
        var slug = await CycleWithReportsAsync();
        var visitors = new List<(string Who, Browser Browser)>
        {
            ("anonymous", Portal.NewBrowser()),
            ("analyst", (await Portal.SignInAsAsync(PortalRoles.Analyst)).Browser),
            ("contributor", (await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN")).Browser),
            ("approver", (await Portal.SignInAsAsync(PortalRoles.Approver, "KEN")).Browser),
            ("moderator without two-factor", await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false))),
        };
        string[] urls = ["/moderation/reports", $"/moderation/reports/{slug}", $"/moderation/reports/{slug}/csv", $"/moderation/reports/{slug}/csv?region=African"];

        foreach (var (who, browser) in visitors)
        {
            foreach (var url in urls)
            {
                var got = await browser.GetAsync(url);
                Assert.True(got.Status is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{who} GET {url}: {got.Status}");
                Assert.Empty(Rows(got));
                Assert.DoesNotContain(CycleName, got.Text, StringComparison.Ordinal);

                var posted = await browser.PostAsync(url, []);
                Assert.True(posted.Status is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest,
                    $"{who} POST {url}: {posted.Status}");
                Assert.DoesNotContain(CycleName, posted.Text, StringComparison.Ordinal);
            }

            browser.Dispose();
        }

        var audited = await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Subject == $"cycle:{slug}" && a.Action == "restricted-export"));
        Assert.Equal(0, audited);
    }

    /// <summary>
    /// A cycle for all States with a questionnaire: France published, Kenya signed off (a partner State, so waiting
    /// for the secretariat), Brazil in review, India drafting, every other State not started.
    /// </summary>
    private async Task<string> CycleWithReportsAsync(int closesInDays = 30)
    {
        var cycle = await Portal.OpenCycleAsync(CycleName);
        await Portal.CreateQuestionnaireAsync(cycle);
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.AwaitingModeration);
        await Portal.CreateReportAsync("BRA", cycle, EntryStatus.Submitted);
        await Portal.CreateReportAsync("IND", cycle, EntryStatus.Draft);
        return await Portal.WithDbAsync(async db =>
        {
            var entity = await db.Cycles.SingleAsync(c => c.Id == cycle);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            entity.Update(entity.Slug, entity.Name, today.AddDays(-90), today.AddDays(closesInDays), null, isOpen: true);
            await db.SaveChangesAsync();
            return entity.Slug;
        });
    }

    private static List<AngleSharp.Dom.IElement> Rows(PageResponse page) => [.. page.Document.QuerySelectorAll("table.dashboard-table tbody tr")];

    private static List<string> Iso3s(PageResponse page) => [.. Rows(page).Select(r => r.GetAttribute("data-iso3")!)];
}
