using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Authorization;

/// <summary>
/// Who may read or change Kenya's national report and start a report, asked through HTTP by every kind of user,
/// with real antiforgery tokens; and who reads a published report, its print layout, its .docx and the changes
/// between cycles, for each TLP label. Every refusal leaves the database as it was.
/// </summary>
public sealed class ReportAuthorizationMatrixTests(PortalFixture portal) : PortalTest(portal)
{
    public enum Outcome
    {
        /// <summary>200 for a page or a download; for a form post, the redirect that follows a success.</summary>
        Allowed,

        /// <summary>Redirected to sign in.</summary>
        SignIn,

        /// <summary>The folder's or page's policy refuses: redirected to the access-denied page.</summary>
        Denied,

        /// <summary>The workflow refuses the step: 403 with the reason.</summary>
        Forbidden,

        /// <summary>The report does not exist for this user.</summary>
        NotFound,
    }

    private const string State = "KEN";

    private static readonly (string Name, string Covers)[] Columns =
    [
        ("GET my-reports", "GET /my/reports"), ("POST start", "POST /my/reports?handler=Start"),
        ("GET work", "GET /reports/work/{id:int}"), ("GET part", "GET /reports/work/{id:int}/parts/{partkey}"),
        ("POST part", "POST /reports/work/{id:int}/parts/{partkey}"), ("POST label", "POST /reports/work/{id:int}?handler=Label"),
        ("POST submit", "POST /reports/work/{id:int}"), ("POST approve", "POST /reports/work/{id:int}"),
        ("POST return", "POST /reports/work/{id:int}"), ("POST publish", "POST /reports/work/{id:int}"),
        ("POST withdraw", "POST /reports/work/{id:int}"),
    ];

    private static readonly string[] Endpoints = Columns.Select(c => c.Name).ToArray();

    /// <summary>The app endpoints this matrix asks every actor about.</summary>
    public static IReadOnlyCollection<string> CoveredEndpoints => Columns.Select(c => c.Covers).Distinct().ToList();

    // A = allowed, S = sign in, D = denied by the page's policy, F = forbidden by the workflow, N = not found.
    // Starting a report is allowed to any State's points of contact: it starts their own State's report.
    private static readonly Dictionary<string, string> Matrix = new()
    {
        ["anonymous"] = "S S S S S S S S S S S",
        ["analyst"] = "D D N D D N N N N N N",
        ["own-contributor"] = "A A A A A A A F F F F",
        ["own-approver"] = "A A A A A A A A A F F",
        ["other-contributor"] = "A A N N N N N N N N N",
        ["other-approver"] = "A A N N N N N N N N N",
        ["moderator"] = "D D A D D D F F F A A",
        ["moderator-without-two-factor"] = "D D N D D N N N N N N",
        ["administrator"] = "D D N D D N N N N N N",
    };

    public static TheoryData<string, string, Outcome> Cases()
    {
        var data = new TheoryData<string, string, Outcome>();
        foreach (var (actor, row) in Matrix)
        {
            var cells = row.Split(' ');
            for (var i = 0; i < Endpoints.Length; i++)
            {
                data.Add(actor, Endpoints[i], cells[i] switch
                {
                    "A" => Outcome.Allowed,
                    "S" => Outcome.SignIn,
                    "D" => Outcome.Denied,
                    "F" => Outcome.Forbidden,
                    "N" => Outcome.NotFound,
                    var other => throw new InvalidOperationException($"Unknown cell {other}"),
                });
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_Actor_GetsWhatTheirRoleAndStateAllow(string actor, string endpoint, Outcome expected)
    {
        var cycle = await Portal.OpenCycleAsync("Reporting 2026");
        await Portal.CreateQuestionnaireAsync(cycle);
        var notStarted = await Portal.OpenCycleAsync("Reporting 2027");
        await Portal.CreateQuestionnaireAsync(notStarted);
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, State);
        var approver = await Portal.CreateUserAsync(PortalRoles.Approver, State);
        var report = await Portal.CreateReportAsync(State, cycle, StatusFor(endpoint));
        using var browser = await BrowserForAsync(actor, contributor, approver);
        var before = await SnapshotAsync();

        var response = await CallAsync(browser, endpoint, report, notStarted);

        Assert.Equal(expected, Classify(response, endpoint));
        var after = await SnapshotAsync();
        if (expected == Outcome.Allowed && endpoint.StartsWith("POST", StringComparison.Ordinal))
        {
            Assert.NotEqual(before, after);
        }
        else
        {
            Assert.Equal(before, after);
        }
    }

    public static TheoryData<TlpLabel, string, bool> Readers()
    {
        var data = new TheoryData<TlpLabel, string, bool>();
        foreach (var (label, row) in new Dictionary<TlpLabel, string>
        {
            // anonymous, analyst, own-contributor, other-contributor, moderator, moderator-without-two-factor
            [TlpLabel.Clear] = "A A A A A A",
            [TlpLabel.Green] = "N A A A A A",
            [TlpLabel.Amber] = "N N A N A N",
        })
        {
            var cells = row.Split(' ');
            string[] readers = ["anonymous", "analyst", "own-contributor", "other-contributor", "moderator", "moderator-without-two-factor"];
            for (var i = 0; i < readers.Length; i++)
            {
                data.Add(label, readers[i], cells[i] == "A");
            }
        }

        return data;
    }

    /// <summary>A published report, its print layout, its .docx and the changes page, for each label and reader.</summary>
    [Theory]
    [MemberData(nameof(Readers))]
    public async Task PublishedReport_Label_Reader_ReadsItEverywhereOrNowhere(TlpLabel label, string reader, bool reads)
    {
        var earlier = await Portal.OpenCycleAsync("Reporting 2025");
        await Portal.CreateQuestionnaireAsync(earlier);
        var later = await Portal.OpenCycleAsync("Reporting 2026");
        await Portal.CreateQuestionnaireAsync(later);
        await Portal.CreateReportAsync(State, earlier, EntryStatus.Published, label, measures: "Measures of the earlier cycle.");
        await Portal.CreateReportAsync(State, later, EntryStatus.Published, label, measures: "Measures of the later cycle.");
        var (earlierSlug, laterSlug) = await Portal.WithDbAsync(async db => (
            await db.Cycles.Where(c => c.Id == earlier).Select(c => c.Slug).SingleAsync(),
            await db.Cycles.Where(c => c.Id == later).Select(c => c.Slug).SingleAsync()));
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, State);
        using var browser = await BrowserForAsync(reader, contributor, contributor);

        var page = await browser.GetAsync($"/states/ken/reports/{laterSlug}");
        var print = await browser.GetAsync($"/states/ken/reports/{laterSlug}?print=true");
        var changes = await browser.GetAsync($"/states/ken/reports/changes?from={earlierSlug}&to={laterSlug}");
        var docx = await browser.Client.GetAsync($"/states/ken/reports/{laterSlug}/report.docx");
        var profile = await browser.GetAsync("/states/ken");

        var expected = reads ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal(expected, page.Status);
        Assert.Equal(expected, print.Status);
        Assert.Equal(expected, changes.Status);
        Assert.Equal(expected, docx.StatusCode);
        Assert.Equal(reads, page.Text.Contains("Measures of the later cycle.", StringComparison.Ordinal));
        Assert.Equal(reads, changes.Text.Contains("Measures of the later cycle.", StringComparison.Ordinal));
        Assert.Equal(reads, profile.Document.QuerySelector($"a[href$='/states/ken/reports/{laterSlug}']") is not null);
    }

    private static EntryStatus StatusFor(string endpoint) => endpoint switch
    {
        "POST approve" or "POST return" => EntryStatus.Submitted,
        "POST publish" => EntryStatus.AwaitingModeration,
        "POST withdraw" => EntryStatus.Published,
        _ => EntryStatus.Draft,
    };

    private async Task<Browser> BrowserForAsync(string actor, TestUser contributor, TestUser approver) => actor switch
    {
        "anonymous" => Portal.NewBrowser(),
        "own-contributor" => await Portal.SignInAsync(contributor),
        "own-approver" => await Portal.SignInAsync(approver),
        "analyst" => (await Portal.SignInAsAsync(PortalRoles.Analyst)).Browser,
        "other-contributor" => (await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA")).Browser,
        "other-approver" => (await Portal.SignInAsAsync(PortalRoles.Approver, "FRA")).Browser,
        "moderator" => (await Portal.SignInAsAsync(PortalRoles.Moderator)).Browser,
        "administrator" => (await Portal.SignInAsAsync(PortalRoles.Administrator)).Browser,
        "moderator-without-two-factor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };

    private async Task<PageResponse> CallAsync(Browser browser, string endpoint, int report, int notStartedCycle)
    {
        var (version, stamp, partKey, partVersion, questionKey) = await Portal.WithDbAsync(async db =>
        {
            var row = await db.Reports.Where(r => r.Id == report).Select(r => EF.Property<uint>(r, "Version")).SingleAsync();
            var parts = await db.ReportParts.Where(p => p.ReportId == report).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.PartKey, Version = EF.Property<uint>(p, "Version") }).ToListAsync();
            var norms = await db.Questionnaires.SelectMany(q => q.Parts).Where(p => p.Kind == PartKind.Norms).Select(p => p.Key).ToListAsync();
            var part = parts.First(p => !norms.Contains(p.PartKey));
            var question = await db.Questionnaires.SelectMany(q => q.Parts).Where(p => p.Key == part.PartKey)
                .SelectMany(p => p.Questions).OrderBy(q => q.Position).Select(q => q.Key).FirstAsync();
            return (row, string.Join('.', parts.Select(p => p.Version)), part.PartKey, part.Version, question);
        });
        var v = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> Step(string action, string? reason = null) =>
            [new("action", action), new("version", v), new("partsStamp", stamp), .. reason is null ? [] : new[] { new KeyValuePair<string, string>("reason", reason) }];
        return endpoint switch
        {
            "GET my-reports" => await browser.GetAsync("/my/reports"),
            "POST start" => await browser.PostWithTokenAsync("/my/reports?handler=Start", [new("cycleId", notStartedCycle.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("fromPrevious", "false")]),
            "GET work" => await browser.GetAsync($"/reports/work/{report}"),
            "GET part" => await browser.GetAsync($"/reports/work/{report}/parts/{partKey}"),
            "POST part" => await browser.PostWithTokenAsync($"/reports/work/{report}/parts/{partKey}",
                [new("Version", partVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Visibility", "Clear"), new("Input.Questions[0].Key", questionKey), new("Input.Questions[0].Text", "Changed by someone")]),
            "POST label" => await browser.PostWithTokenAsync($"/reports/work/{report}?handler=Label", [new("visibility", "Green"), new("version", v)]),
            "POST submit" => await browser.PostWithTokenAsync($"/reports/work/{report}", Step("Submit")),
            "POST approve" => await browser.PostWithTokenAsync($"/reports/work/{report}", Step("Approve")),
            "POST return" => await browser.PostWithTokenAsync($"/reports/work/{report}", Step("Return", "Not yet")),
            "POST publish" => await browser.PostWithTokenAsync($"/reports/work/{report}", Step("Publish")),
            "POST withdraw" => await browser.PostWithTokenAsync($"/reports/work/{report}", Step("Withdraw", "Outdated")),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
    }

    private static Outcome Classify(PageResponse response, string endpoint)
    {
        var location = response.RedirectPath ?? "";
        return response.Status switch
        {
            HttpStatusCode.OK when endpoint.StartsWith("GET", StringComparison.Ordinal) => Outcome.Allowed,
            HttpStatusCode.Redirect when location.StartsWith("/account/sign-in", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.StartsWith("/account/access-denied", StringComparison.Ordinal) => Outcome.Denied,
            HttpStatusCode.Redirect when endpoint.StartsWith("POST", StringComparison.Ordinal) && location.StartsWith("/reports/work/", StringComparison.Ordinal) => Outcome.Allowed,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.NotFound => Outcome.NotFound,
            _ => throw new InvalidOperationException($"Unexpected answer {(int)response.Status} {location}: {response.Text[..Math.Min(400, response.Text.Length)]}"),
        };
    }

    /// <summary>Everything a refused request must not have touched.</summary>
    private Task<string> SnapshotAsync() => Portal.WithDbAsync(async db =>
    {
        var reports = await db.Reports.OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Status, r.Visibility, r.PublishedVersionNumber, Version = EF.Property<uint>(r, "Version") })
            .ToListAsync();
        var parts = await db.ReportParts.OrderBy(p => p.Id).Select(p => EF.Property<uint>(p, "Version")).ToListAsync();
        var events = await db.ReportEvents.CountAsync();
        var audit = await db.AuditRecords.CountAsync(a => a.Subject != null && a.Subject.StartsWith("report:"));
        var mail = await db.OutgoingMail.CountAsync();
        return $"{string.Join(";", reports)}|{string.Join(",", parts)}|{events}|{audit}|{mail}";
    });
}
