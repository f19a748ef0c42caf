using System.Net;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.IntegrationTests.Api;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Capacity;

/// <summary>
/// Who sees which need and offer on every read H-READ built — /capacity, the norm page, the State profile, the
/// coverage view, the CSVs and the API — over every label × status × reader; the filters; the secretariat's figures.
/// </summary>
public sealed class CapacityReadTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>The matrices' endpoints that are not public (<see cref="Security.EndpointCoverageTests"/>).</summary>
    public static readonly IReadOnlyList<string> CoveredEndpoints =
    [
        "GET /moderation/capacity/figures",
        "GET /moderation/capacity/figures.csv",
    ];

    private static readonly TlpLabel[] Labels = [TlpLabel.Clear, TlpLabel.Green, TlpLabel.Amber];

    private static readonly EntryStatus[] Statuses =
        [EntryStatus.Draft, EntryStatus.Submitted, EntryStatus.AwaitingModeration, EntryStatus.Published, EntryStatus.Withdrawn];

    private enum Who
    {
        Anonymous,
        Analyst,
        OwnContributor,
        OtherContributor,
        OwnContact,
        OtherContact,
        Moderator,
    }

    private sealed record Item(int Id, CapacitySide Side, TlpLabel Label, EntryStatus Status, Who Owner);

    /// <summary>The rule, written out independently of CapacityVisibility: published, and by label, owner or secretariat.</summary>
    private static bool Sees(Who who, Item item)
    {
        var owner = item.Owner == who;
        return item.Status == EntryStatus.Published
            && (item.Label == TlpLabel.Clear || (who != Who.Anonymous && item.Label == TlpLabel.Green) || owner || who == Who.Moderator);
    }

    [Fact]
    public async Task EveryRead_ShowsEachReaderExactlyTheItemsTheRuleAllows()
    {
        var (own, other) = (await OrganisationAsync("Own network"), await OrganisationAsync("Other network"));
        var items = new List<Item>();
        foreach (var label in Labels)
        {
            foreach (var status in Statuses)
            {
                items.Add(await CreateAsync(CapacitySide.Need, "SEN", null, label, status, $"Need {label} {status}", norms: [3]));
                items.Add(await CreateAsync(CapacitySide.Offer, "SEN", null, label, status, $"State offer {label} {status}", norms: [3]));
                if (status != EntryStatus.Submitted)
                {
                    // An organisation's offer goes from draft straight to moderation.
                    items.Add(await CreateAsync(CapacitySide.Offer, null, own, label, status, $"Offer {label} {status}", norms: [3]));
                }
            }
        }

        var readers = new Dictionary<Who, Browser>
        {
            [Who.Anonymous] = Portal.NewBrowser(),
            [Who.Analyst] = (await Portal.SignInAsAsync(PortalRoles.Analyst)).Browser,
            [Who.OwnContributor] = (await Portal.SignInAsAsync(PortalRoles.Contributor, "SEN")).Browser,
            [Who.OtherContributor] = (await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA")).Browser,
            [Who.OwnContact] = await ContactAsync(own),
            [Who.OtherContact] = await ContactAsync(other),
            [Who.Moderator] = (await Portal.SignInAsAsync(PortalRoles.Moderator)).Browser,
        };
        var problems = new List<string>();
        void Expect(string where, Who who, IEnumerable<Item> candidates, IEnumerable<int> shown, Func<Item, bool>? rule = null)
        {
            var expected = candidates.Where(rule ?? (i => Sees(who, i))).Select(i => i.Id).Order().ToList();
            var actual = shown.Order().ToList();
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"{who} {where}: expected [{string.Join(",", expected.Select(Describe))}], saw [{string.Join(",", actual.Select(Describe))}]");
            }
        }

        string Describe(int id) => items.FirstOrDefault(i => i.Id == id) is { } i ? $"{i.Side} {i.Label} {i.Status}" : $"#{id}";
        var needs = items.Where(i => i.Side == CapacitySide.Need).ToList();
        var offers = items.Where(i => i.Side == CapacitySide.Offer).ToList();
        static bool Public(Item i) => i.Status == EntryStatus.Published && i.Label == TlpLabel.Clear;

        foreach (var (who, browser) in readers)
        {
            Expect("/capacity?side=need", who, needs, await RowsAsync(browser, "/capacity?side=need"));
            Expect("/capacity?side=offer", who, offers, await RowsAsync(browser, "/capacity?side=offer"));
            Expect("/capacity", who, items, await RowsAsync(browser, "/capacity"));
            Expect("/norms/3", who, items, await RowsAsync(browser, "/norms/3"));
            Expect("/norms/4", who, [], await RowsAsync(browser, "/norms/4"));
            Expect("/states/sen", who, items.Where(i => i.Owner == Who.OwnContributor), await RowsAsync(browser, "/states/sen"));
            var coverage = await browser.GetAsync("/coverage?view=capacity");
            var cell = coverage.Document.QuerySelector("tr[data-state='SEN'] td:nth-of-type(3) a")?.TextContent ?? "0";
            var visibleNeeds = needs.Count(i => Sees(who, i));
            if (cell != visibleNeeds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                problems.Add($"{who} /coverage?view=capacity: SEN × norm 3 shows {cell}, expected {visibleNeeds}");
            }

            Expect("/capacity/needs.csv", who, needs, await CsvIdsAsync(browser, "/capacity/needs.csv"), Public);
            Expect("/capacity/offers.csv", who, offers, await CsvIdsAsync(browser, "/capacity/offers.csv"), Public);
            Expect("/api/v1/capacity/needs", who, needs, await ApiIdsAsync(browser, "/api/v1/capacity/needs"), Public);
            Expect("/api/v1/capacity/offers", who, offers, await ApiIdsAsync(browser, "/api/v1/capacity/offers"), Public);

            var figures = await browser.GetAsync("/moderation/capacity/figures");
            var csv = await browser.Client.GetAsync("/moderation/capacity/figures.csv");
            var allowed = who == Who.Moderator;
            if ((figures.Status == HttpStatusCode.OK) != allowed || (csv.StatusCode == HttpStatusCode.OK) != allowed)
            {
                problems.Add($"{who} figures: {(int)figures.Status}, CSV {(int)csv.StatusCode}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task TheList_FiltersByNormKindRegionLanguageWordsAndState()
    {
        var org = await OrganisationAsync("Filter network");
        var senegal = await CreateAsync(CapacitySide.Need, "SEN", null, TlpLabel.Clear, EntryStatus.Published, "Vulnerability disclosure process", norms: [10], kinds: [KindOfHelp.LegislativeDrafting], languages: ["fr"]);
        var france = await CreateAsync(CapacitySide.Need, "FRA", null, TlpLabel.Clear, EntryStatus.Published, "Incident response exercises", norms: [8], kinds: [KindOfHelp.Exercises], languages: ["en"]);
        var asia = await CreateAsync(CapacitySide.Offer, null, org, TlpLabel.Clear, EntryStatus.Published, "Training for national CERT staff", norms: [8, 10], kinds: [KindOfHelp.Training], languages: ["en", "fr"], regions: [RegionalGroup.AsiaPacific, RegionalGroup.African]);
        var anonymous = Portal.NewBrowser();

        async Task Check(string query, params Item[] expected) =>
            Assert.Equal(expected.Select(i => i.Id).Order(), (await RowsAsync(anonymous, "/capacity" + query)).Order());

        await Check("", senegal, france, asia);
        await Check("?norm=10", senegal, asia);
        await Check("?norm=8&side=need", france);
        await Check("?kind=Training", asia);
        await Check("?kind=exercises", france);
        await Check("?region=African", senegal, asia);
        await Check("?region=WesternEuropeanAndOthers", france);
        await Check("?region=AsiaPacific&side=offer", asia);
        await Check("?language=fr", senegal, asia);
        await Check("?q=disclosure", senegal);
        await Check("?q=cert+staff", asia);
        await Check("?q=exercises+-incident");
        await Check("?state=sen", senegal);
        await Check("?side=offers", asia);

        var page = await anonymous.GetAsync("/capacity?norm=99&kind=Nothing&side=sideways");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("#norm-error")?.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("#kind-error")?.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("#side-error")?.TextContent));
        Assert.Contains("2 open needs, 1 available offers", (await anonymous.GetAsync("/capacity")).Text, StringComparison.Ordinal);

        var refused = await anonymous.Client.GetAsync("/capacity/needs.csv?norm=99");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (status, _) = await anonymous.Client.GetJsonAsync("/api/v1/capacity/offers?kind=Nothing");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([asia.Id], await ApiIdsAsync(anonymous, "/api/v1/capacity/offers?region=african&language=fr&q=training"));
        Assert.Equal([senegal.Id], await CsvIdsAsync(anonymous, "/capacity/needs.csv?state=SEN&norm=10"));
    }

    [Fact]
    public async Task Search_LinksToTheCapacityListForTheSameWordsAndNorm()
    {
        var page = await Portal.NewBrowser().GetAsync("/search?q=cert&norm=3");
        var link = page.Document.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Contains("Capacity needs and offers for these words", StringComparison.Ordinal));
        Assert.NotNull(link);
        Assert.Equal("/capacity?q=cert&norm=3", link!.GetAttribute("href"));
    }

    [Fact]
    public async Task Exports_WriteTheColumnsAndNeutraliseFormulas()
    {
        var need = await CreateAsync(CapacitySide.Need, "SEN", null, TlpLabel.Clear, EntryStatus.Published, "=HYPERLINK(\"http://evil\")", norms: [3, 10], kinds: [KindOfHelp.Training, KindOfHelp.Mentoring], languages: ["fr"], matched: true);
        var response = await Portal.NewBrowser().Client.GetAsync("/capacity/needs.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Id,Side,Owner,Title,Norms,Actions,Categories,Kinds,Languages,Regions,Timing,Status,Published,Matched,Url", lines[0]);
        Assert.StartsWith($"{need.Id},Need,SEN,\"'=HYPERLINK(\"\"http://evil\"\")\",13(c);13(j),,,Training;Mentoring,fr,,,Matched,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"/capacity/{need.Id}", lines[1], StringComparison.Ordinal);

        var api = await Portal.GetOkJsonAsync("/api/v1/capacity/needs");
        var item = api["items"]![0]!;
        Assert.Equal(need.Id, (int)item["id"]!);
        Assert.Equal("matched", (string?)item["status"]);
        Assert.Equal("13(j)", (string?)item["ggeReferences"]![1]);
        Assert.EndsWith($"/capacity/{need.Id}", (string?)item["url"], StringComparison.Ordinal);
        using var client = Portal.CreateClient();
        var first = await client.GetAsync("/api/v1/capacity/needs");
        Assert.NotNull(first.Headers.ETag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/capacity/needs");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Figures_CountNeedsByRegionAndNorm_ShareMatched_MedianTimeToMatch_OffersByKind()
    {
        var org = await OrganisationAsync("Figures network");
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        // Matched after 2, 4 and 10 days: the median is 4 days. One open need, one withdrawn, one draft (not counted).
        await CreateAsync(CapacitySide.Need, "SEN", null, TlpLabel.Amber, EntryStatus.Published, "A", norms: [3], at: start, matchedAfter: TimeSpan.FromDays(2));
        await CreateAsync(CapacitySide.Need, "KEN", null, TlpLabel.Green, EntryStatus.Published, "B", norms: [3, 10], at: start, matchedAfter: TimeSpan.FromDays(10));
        await CreateAsync(CapacitySide.Need, "FRA", null, TlpLabel.Clear, EntryStatus.Published, "C", norms: [10], at: start, matchedAfter: TimeSpan.FromDays(4));
        await CreateAsync(CapacitySide.Need, "SEN", null, TlpLabel.Clear, EntryStatus.Published, "D", norms: [1], at: start);
        await CreateAsync(CapacitySide.Need, "KEN", null, TlpLabel.Clear, EntryStatus.Withdrawn, "E", norms: [1], at: start);
        await CreateAsync(CapacitySide.Need, "SEN", null, TlpLabel.Clear, EntryStatus.Draft, "F", norms: [2], at: start);
        await CreateAsync(CapacitySide.Offer, null, org, TlpLabel.Clear, EntryStatus.Published, "G", norms: [3], kinds: [KindOfHelp.Training, KindOfHelp.Exercises], at: start);
        await CreateAsync(CapacitySide.Offer, null, org, TlpLabel.Amber, EntryStatus.Published, "H", norms: [3], kinds: [KindOfHelp.Training], at: start);
        await CreateAsync(CapacitySide.Offer, null, org, TlpLabel.Clear, EntryStatus.AwaitingModeration, "I", norms: [3], kinds: [KindOfHelp.Equipment], at: start);

        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var csv = await (await moderator.Client.GetAsync("/moderation/capacity/figures.csv")).Content.ReadAsStringAsync();
        var rows = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => f[2]);
        Assert.Equal("4", rows[("needsByRegion", "African")]);
        Assert.Equal("1", rows[("needsByRegion", "WesternEuropeanAndOthers")]);
        Assert.Equal("0", rows[("needsByRegion", "AsiaPacific")]);
        Assert.Equal("2", rows[("needsByNorm", "13(c)")]);
        Assert.Equal("2", rows[("needsByNorm", "13(j)")]);
        Assert.Equal("2", rows[("needsByNorm", "13(a)")]);
        Assert.Equal("0", rows[("needsByNorm", "13(b)")]);
        Assert.Equal("5", rows[("needsPublished", "")]);
        Assert.Equal("3", rows[("needsMatched", "")]);
        Assert.Equal("0.6", rows[("shareMatched", "")]);
        Assert.Equal("4", rows[("medianDaysToMatch", "")]);
        Assert.Equal("2", rows[("offersByKind", "Training")]);
        Assert.Equal("1", rows[("offersByKind", "Exercises")]);
        Assert.Equal("0", rows[("offersByKind", "Equipment")]);

        var page = await moderator.GetAsync("/moderation/capacity/figures");
        Assert.Equal("5", page.Document.QuerySelector("#needs-published")!.TextContent.Trim());
        Assert.Contains("4", page.Document.QuerySelector("#median-time")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, page.Document.QuerySelectorAll("#needs-by-region tbody tr").Length);
        Assert.NotNull((await moderator.GetAsync("/moderation")).Document.QuerySelector("a[href='/moderation/capacity/figures']"));
    }

    private static async Task<List<int>> RowsAsync(Browser browser, string url)
    {
        var page = await browser.GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"{url}: {(int)page.Status}");
        return [.. page.Document.QuerySelectorAll("tr[data-capacity]").Select(r => int.Parse(r.GetAttribute("data-capacity")!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static async Task<List<int>> CsvIdsAsync(Browser browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. lines.Skip(1).Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static async Task<List<int>> ApiIdsAsync(Browser browser, string url)
    {
        var json = await browser.Client.GetOkJsonAsync(url);
        return [.. json["items"]!.AsArray().Select(i => (int)i!["id"]!)];
    }

    private Task<int> OrganisationAsync(string name) => Portal.WithDbAsync(async db =>
    {
        var organisation = new Organisation(name, null, DateTimeOffset.UtcNow);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    /// <summary>A point of contact of <paramref name="organisation"/>, signed in.</summary>
    private async Task<Browser> ContactAsync(int organisation)
    {
        var user = await Portal.CreateUserAsync(PortalRoles.OrganisationContact);
        await Portal.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.OrganisationId = organisation;
            await db.SaveChangesAsync();
        });
        return await Portal.SignInAsync(user);
    }

    /// <summary>A need or offer brought to <paramref name="status"/> through the domain's workflow, as its people would.</summary>
    private async Task<Item> CreateAsync(
        CapacitySide side, string? state, int? organisation, TlpLabel label, EntryStatus status, string title,
        int[] norms, KindOfHelp[]? kinds = null, string[]? languages = null, RegionalGroup[]? regions = null,
        bool matched = false, DateTimeOffset? at = null, TimeSpan? matchedAfter = null)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        var owner = organisation is { } id
            ? new WorkflowActor("test-contact", "Test contact", WorkflowRoles.OrganisationContact, null, OrganisationId: id)
            : new WorkflowActor("test-contributor", "Test contributor", WorkflowRoles.Contributor, state);
        var approver = new WorkflowActor("test-approver", "Test approver", WorkflowRoles.Approver, state);
        var moderator = new WorkflowActor("test-moderator", "Test moderator", WorkflowRoles.Moderator, null);
        var content = new CapacityContent(
            title, "Described in **Markdown**.", norms, [], [], kinds ?? [KindOfHelp.TechnicalAssistance], languages ?? ["en"],
            side == CapacitySide.Offer ? regions ?? [RegionalGroup.African] : [], null, null, null, label);
        var item = CapacityItem.Draft(side, state, organisation, content, owner, now);
        var member = new WorkflowContext(StateIsInitiativeMember: true, StateHasSinglePointOfContact: false);
        var partner = member with { StateIsInitiativeMember = false };
        if (status != EntryStatus.Draft)
        {
            item.Apply(WorkflowAction.Submit, owner, member, now);
        }

        if (status == EntryStatus.AwaitingModeration && organisation is null)
        {
            item.Apply(WorkflowAction.Approve, approver, partner, now);
        }

        if (status is EntryStatus.Published or EntryStatus.Withdrawn)
        {
            if (organisation is null)
            {
                item.Apply(WorkflowAction.Approve, approver, member, now);
            }
            else
            {
                item.Apply(WorkflowAction.Publish, moderator, member, now);
            }
        }

        if (matched || matchedAfter is not null)
        {
            item.MarkMatched(now + (matchedAfter ?? TimeSpan.FromDays(1)));
        }

        if (status == EntryStatus.Withdrawn)
        {
            item.Apply(WorkflowAction.Withdraw, owner, member, now + TimeSpan.FromDays(20), "No longer needed");
        }

        await Portal.WithDbAsync(async db =>
        {
            db.CapacityItems.Add(item);
            await db.SaveChangesAsync();
        });
        Assert.Equal(status, item.Status);
        return new Item(item.Id, side, label, status, organisation is null ? Who.OwnContributor : Who.OwnContact);
    }
}
