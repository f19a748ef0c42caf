using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Authorization;

/// <summary>
/// Who may read or change a Kenyan entry — and a joint G7 entry — and the pages around them, asked through HTTP by
/// every kind of user, including users of another State and coordinators of a group, with real antiforgery tokens.
/// Every refusal leaves the database as it was.
/// </summary>
public sealed class EntryAuthorizationMatrixTests(PortalFixture portal) : PortalTest(portal)
{
    public enum Outcome
    {
        /// <summary>200 for a page; for a form post, the redirect that follows a success.</summary>
        Allowed,

        /// <summary>Redirected to sign in.</summary>
        SignIn,

        /// <summary>The folder's policy refuses: redirected to the access-denied page.</summary>
        Denied,

        /// <summary>The workflow refuses the step: 403 with the reason.</summary>
        Forbidden,

        /// <summary>The entry does not exist for this user.</summary>
        NotFound,

        /// <summary>The page needs two-factor sign-in the user has not set up: redirected to set it up.</summary>
        TwoFactor,
    }

    private const string State = "KEN";

    // Columns: the endpoints below, in order, each with the app endpoint it calls (AppEndpoint.Key; the
    // EndpointCoverageTests check that every handler of the app is covered here, in another matrix, or listed public).
    // Rows: the actors. A = allowed, S = sign in, D = denied, F = forbidden by the workflow, N = not found,
    // T = sent to set up two-factor sign-in. A moderator without it is no moderator (no working copies, no steps);
    // an administrator without it is an administrator without it — neither has anything here.
    private static readonly (string Name, string Covers)[] Columns =
    [
        ("GET review", "GET /entries/{id:int}/review"), ("GET history", "GET /entries/{id:int}/history"),
        ("GET edit", "GET /entries/{id:int}/edit"), ("POST edit", "POST /entries/{id:int}/edit"),
        ("POST submit", "POST /entries/{id:int}/review"), ("POST approve", "POST /entries/{id:int}/review"),
        ("POST return", "POST /entries/{id:int}/review"), ("POST publish", "POST /entries/{id:int}/review"),
        ("POST withdraw", "POST /entries/{id:int}/review"), ("GET my", "GET /my"), ("GET review-queue", "GET /review"),
        ("GET moderation", "GET /moderation"), ("GET new", "GET /entries/new"), ("POST new", "POST /entries/new"),
    ];

    private static readonly string[] Endpoints = Columns.Select(c => c.Name).ToArray();

    /// <summary>The app endpoints this matrix asks every actor about.</summary>
    public static IReadOnlyCollection<string> CoveredEndpoints => Columns.Select(c => c.Covers).Distinct().ToList();

    private static readonly Dictionary<string, string> Matrix = new()
    {
        ["anonymous"] = "S S S S S S S S S S S S S S",
        ["analyst"] = "N N D D N N N N N D D D D D",
        ["own-contributor"] = "A A A A A F F F F A D D A A",
        ["own-approver"] = "A A A A A A A F F A A D A A",
        ["other-contributor"] = "N N N N N N N N N A D D A A",
        ["other-approver"] = "N N N N N N N N N A A D A A",
        ["moderator"] = "A A D D F F F A A D A A D D",
        ["moderator-without-two-factor"] = "N N D D N N N N N D T T D D",
        ["administrator"] = "N N D D N N N N N D D D D D",
        ["g7-coordinator"] = "N N N N N N N N N A A D A A",
        ["administrator-without-two-factor"] = "N N D D N N N N N D D D D D",
    };

    /// <summary>
    /// The same columns for a joint G7 entry drafted by "own-coordinator"; "second-coordinator" coordinates the G7 too,
    /// "other-group-coordinator" another group; the other State's users are French, a G7 member State's. A joint entry
    /// is approved by another coordinator or a moderator, never by the coordinator who saved it (four eyes).
    /// </summary>
    private static readonly Dictionary<string, string> JointMatrix = new()
    {
        ["anonymous"] = "S S S S S S S S S S S S S S",
        ["analyst"] = "N N D D N N N N N D D D D D",
        ["own-coordinator"] = "A A A A A F A F F A A D A A",
        ["second-coordinator"] = "A A A A A A A F F A A D A A",
        ["other-group-coordinator"] = "N N N N N N N N N A A D A A",
        ["other-contributor"] = "N N N N N N N N N A D D A A",
        ["other-approver"] = "N N N N N N N N N A A D A A",
        ["moderator"] = "A A D D F A A A A D A A D D",
        ["moderator-without-two-factor"] = "N N D D N N N N N D T T D D",
        ["administrator"] = "N N D D N N N N N D D D D D",
        ["administrator-without-two-factor"] = "N N D D N N N N N D D D D D",
    };

    public static TheoryData<string, string, Outcome> Cases() => CasesOf(Matrix);

    public static TheoryData<string, string, Outcome> JointCases() => CasesOf(JointMatrix);

    private static TheoryData<string, string, Outcome> CasesOf(Dictionary<string, string> matrix)
    {
        var data = new TheoryData<string, string, Outcome>();
        foreach (var (actor, row) in matrix)
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
                    "T" => Outcome.TwoFactor,
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
        await Portal.OpenCycleAsync();
        var author = await Portal.CreateUserAsync(PortalRoles.Contributor, State);
        var approver = await Portal.CreateUserAsync(PortalRoles.Approver, State);
        var entry = await Portal.CreateEntryAsync(author, StatusFor(endpoint), title: "Kenyan working copy");
        using var browser = await BrowserForAsync(actor, author, approver);
        var before = await SnapshotAsync();

        var response = await CallAsync(browser, endpoint, entry);

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

    [Theory]
    [MemberData(nameof(JointCases))]
    public async Task JointEntry_Endpoint_Actor_GetsWhatTheirRoleAndGroupAllow(string actor, string endpoint, Outcome expected)
    {
        await Portal.OpenCycleAsync();
        var author = await Portal.CreateCoordinatorAsync();
        var second = await Portal.CreateCoordinatorAsync();
        var entry = await Portal.CreateJointEntryAsync(author, StatusFor(endpoint), title: "Joint G7 working copy");
        using var browser = await BrowserForAsync(actor, author, second);
        var before = await SnapshotAsync();

        var response = await CallAsync(browser, endpoint, entry);

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

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var (browser, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, State);
        var entry = await Portal.CreateEntryAsync(author);
        var before = await SnapshotAsync();

        var submit = await browser.PostAsync($"/entries/{entry}/review", [new("action", "Submit"), new("version", "0")]);
        var edit = await browser.PostAsync($"/entries/{entry}/edit", [new("Input.Title", "Forged"), new("Command", "save")]);
        var forgedToken = await browser.PostAsync($"/entries/{entry}/review", [new("action", "Submit"), new("__RequestVerificationToken", "CfDJ8forged")]);

        Assert.Equal(HttpStatusCode.BadRequest, submit.Status);
        Assert.Equal(HttpStatusCode.BadRequest, edit.Status);
        Assert.Equal(HttpStatusCode.BadRequest, forgedToken.Status);
        Assert.Equal(before, await SnapshotAsync());
    }

    private static EntryStatus StatusFor(string endpoint) => endpoint switch
    {
        "POST approve" or "POST return" => EntryStatus.Submitted,
        "POST publish" => EntryStatus.AwaitingModeration,
        "POST withdraw" => EntryStatus.Published,
        _ => EntryStatus.Draft,
    };

    private async Task<Browser> BrowserForAsync(string actor, TestUser author, TestUser approver) => actor switch
    {
        "anonymous" => Portal.NewBrowser(),
        "own-contributor" or "own-coordinator" => await Portal.SignInAsync(author),
        "own-approver" or "second-coordinator" => await Portal.SignInAsync(approver),
        "g7-coordinator" => await Portal.SignInAsync(await Portal.CreateCoordinatorAsync()),
        "other-group-coordinator" => await Portal.SignInAsync(await Portal.CreateCoordinatorAsync("au")),
        "analyst" => (await Portal.SignInAsAsync(PortalRoles.Analyst)).Browser,
        "other-contributor" => (await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA")).Browser,
        "other-approver" => (await Portal.SignInAsAsync(PortalRoles.Approver, "FRA")).Browser,
        "moderator" => (await Portal.SignInAsAsync(PortalRoles.Moderator)).Browser,
        "administrator" => (await Portal.SignInAsAsync(PortalRoles.Administrator)).Browser,
        "moderator-without-two-factor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false)),
        "administrator-without-two-factor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Administrator, twoFactor: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };

    private async Task<PageResponse> CallAsync(Browser browser, string endpoint, int entry)
    {
        var version = await Portal.WithDbAsync(db => db.Entries.Where(e => e.Id == entry).Select(e => EF.Property<uint>(e, "Version")).SingleAsync());
        var v = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return endpoint switch
        {
            "GET review" => await browser.GetAsync($"/entries/{entry}/review"),
            "GET history" => await browser.GetAsync($"/entries/{entry}/history"),
            "GET edit" => await browser.GetAsync($"/entries/{entry}/edit"),
            "POST edit" => await browser.PostWithTokenAsync($"/entries/{entry}/edit", EditFields(v)),
            "POST submit" => await browser.PostWithTokenAsync($"/entries/{entry}/review", [new("action", "Submit"), new("version", v)]),
            "POST approve" => await browser.PostWithTokenAsync($"/entries/{entry}/review", [new("action", "Approve"), new("version", v)]),
            "POST return" => await browser.PostWithTokenAsync($"/entries/{entry}/review", [new("action", "Return"), new("reason", "Not yet"), new("version", v)]),
            "POST publish" => await browser.PostWithTokenAsync($"/entries/{entry}/review", [new("action", "Publish"), new("version", v)]),
            "POST withdraw" => await browser.PostWithTokenAsync($"/entries/{entry}/review", [new("action", "Withdraw"), new("reason", "Outdated"), new("version", v)]),
            "GET my" => await browser.GetAsync("/my"),
            "GET review-queue" => await browser.GetAsync("/review"),
            "GET moderation" => await browser.GetAsync("/moderation"),
            "GET new" => await browser.GetAsync("/entries/new"),
            "POST new" => await browser.PostWithTokenAsync("/entries/new", NewFields()),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
    }

    private static List<KeyValuePair<string, string>> EditFields(string version) =>
    [
        new("Version", version), new("BaseRevision", "1"), new("Input.Kind", "ImplementationStep"),
        new("Input.PracticeCategories", "Awareness"), new("Input.Title", "Changed by someone"), new("Input.Summary", "Summary"),
        new("Input.Body", "Body"), new("Input.Language", "en"), new("Input.Visibility", "Clear"), new("Command", "save"),
    ];

    private List<KeyValuePair<string, string>> NewFields() =>
    [
        new("Input.NormNumber", "2"), new("Input.CycleId", OpenCycle().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Input.Kind", "BestPractice"), new("Input.PracticeCategories", "Awareness"), new("Input.Title", "A new entry"),
        new("Input.Summary", "Summary"), new("Input.Body", "Body"), new("Input.Language", "en"), new("Input.Visibility", "Clear"), new("Command", "save"),
    ];

    private int OpenCycle() => Portal.WithDbAsync(db => db.Cycles.Where(c => c.IsOpen).Select(c => c.Id).FirstAsync()).GetAwaiter().GetResult();

    private static Outcome Classify(PageResponse response, string endpoint)
    {
        var location = response.RedirectPath ?? "";
        return response.Status switch
        {
            HttpStatusCode.OK when endpoint.StartsWith("GET", StringComparison.Ordinal) => Outcome.Allowed,
            HttpStatusCode.Redirect when location.StartsWith("/account/sign-in", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.StartsWith("/account/access-denied", StringComparison.Ordinal) => Outcome.Denied,
            HttpStatusCode.Redirect when location.StartsWith("/account/two-factor?required=true", StringComparison.Ordinal) => Outcome.TwoFactor,
            HttpStatusCode.Redirect when endpoint.StartsWith("POST", StringComparison.Ordinal) && location.StartsWith("/entries/", StringComparison.Ordinal) => Outcome.Allowed,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.NotFound => Outcome.NotFound,
            _ => throw new InvalidOperationException($"Unexpected answer {(int)response.Status} {location}: {response.Text[..Math.Min(400, response.Text.Length)]}"),
        };
    }

    /// <summary>Everything a refused request must not have touched.</summary>
    private Task<string> SnapshotAsync() => Portal.WithDbAsync(async db =>
    {
        var entries = await db.Entries.OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Status, e.UpdatedAt, e.PublishedRevisionNumber, Version = EF.Property<uint>(e, "Version") })
            .ToListAsync();
        var revisions = await db.Revisions.CountAsync();
        var events = await db.ReviewEvents.CountAsync();
        var audit = await db.AuditRecords.CountAsync(a => a.Subject != null && a.Subject.StartsWith("entry:"));
        var mail = await db.OutgoingMail.CountAsync();
        return $"{string.Join(";", entries)}|{revisions}|{events}|{audit}|{mail}";
    });
}
