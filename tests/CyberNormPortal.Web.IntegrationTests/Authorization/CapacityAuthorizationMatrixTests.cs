using System.Net;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Authorization;

/// <summary>
/// Who may post needs and offers, open a working copy, save it and take each step, asked through HTTP by every kind of
/// user with real antiforgery tokens, for a need of Kenya (a partner State) and an offer of an organisation. Every
/// refusal leaves the database as it was.
/// </summary>
public sealed class CapacityAuthorizationMatrixTests(PortalFixture portal) : PortalTest(portal)
{
    public enum Outcome
    {
        /// <summary>200 for a page; for a form post, the redirect to the working copy that follows a success.</summary>
        Allowed,

        SignIn,

        /// <summary>The page's policy refuses: redirected to the access-denied page.</summary>
        Denied,

        /// <summary>The rules refuse: 403 with the reason.</summary>
        Forbidden,

        NotFound,
    }

    private const string State = "KEN";

    private static readonly (string Name, string Covers)[] Columns =
    [
        ("GET my", "GET /my/capacity"), ("GET new-need", "GET /capacity/new"), ("POST new-need", "POST /capacity/new"),
        ("GET new-offer", "GET /capacity/new"), ("POST new-offer", "POST /capacity/new"),
        ("GET work", "GET /capacity/work/{id:int}"), ("POST save", "POST /capacity/work/{id:int}?handler=Save"),
        ("POST submit", "POST /capacity/work/{id:int}"), ("POST approve", "POST /capacity/work/{id:int}"),
        ("POST return", "POST /capacity/work/{id:int}"), ("POST publish", "POST /capacity/work/{id:int}"),
        ("POST withdraw", "POST /capacity/work/{id:int}"),
    ];

    private static readonly string[] Endpoints = [.. Columns.Select(c => c.Name)];

    public static IReadOnlyCollection<string> CoveredEndpoints => [.. Columns.Select(c => c.Covers).Distinct()];

    // A = allowed, S = sign in, D = denied by the page's policy, F = forbidden by the rules, N = not found.
    // Kenya's need: its contributor and approver work on it; the approver approves and returns; a moderator publishes,
    // returns and withdraws; its owner withdraws it too. An organisation's contact posts offers only.
    private static readonly Dictionary<string, string> StateMatrix = new()
    {
        ["anonymous"] = "S S S S S S S S S S S S",
        ["analyst"] = "D D D D D N N N N N N N",
        ["own-contributor"] = "A A A A A A A A F F F A",
        ["own-approver"] = "A A A A A A A A A A F A",
        ["other-contributor"] = "A A A A A N N N N N N N",
        ["organisation-contact"] = "A F F A A N N N N N N N",
        ["moderator"] = "D D D D D A D F F F A A",
        ["moderator-without-two-factor"] = "D D D D D N N N N N N N",
        ["administrator"] = "D D D D D N N N N N N N",
    };

    // The organisation's offer: only its own contacts work on it; it goes to moderation on submit.
    private static readonly string[] OrganisationColumns = ["GET work", "POST save", "POST submit", "POST return", "POST publish", "POST withdraw"];

    private static readonly Dictionary<string, string> OrganisationMatrix = new()
    {
        ["own-organisation-contact"] = "A A A F F A",
        ["other-organisation-contact"] = "N N N N N N",
        ["own-contributor"] = "N N N N N N",
        ["moderator"] = "A D F A A A",
    };

    public static TheoryData<string, string, Outcome> StateCases() => Cases(StateMatrix, Endpoints);

    public static TheoryData<string, string, Outcome> OrganisationCases() => Cases(OrganisationMatrix, OrganisationColumns);

    private static TheoryData<string, string, Outcome> Cases(Dictionary<string, string> matrix, string[] endpoints)
    {
        var data = new TheoryData<string, string, Outcome>();
        foreach (var (actor, row) in matrix)
        {
            var cells = row.Split(' ');
            for (var i = 0; i < endpoints.Length; i++)
            {
                data.Add(actor, endpoints[i], cells[i] switch
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
    [MemberData(nameof(StateCases))]
    public async Task StateNeed_Endpoint_Actor_GetsWhatTheirRoleAndStateAllow(string actor, string endpoint, Outcome expected)
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, State);
        var approver = await Portal.CreateUserAsync(PortalRoles.Approver, State);
        var organisation = await Portal.CreateOrganisationAsync();
        var item = await Portal.CreateCapacityItemAsync(CapacitySide.Need, State, status: StatusFor(endpoint));
        using var browser = await BrowserForAsync(actor, contributor, approver, organisation);

        await AssertOutcomeAsync(browser, endpoint, item, expected);
    }

    [Theory]
    [MemberData(nameof(OrganisationCases))]
    public async Task OrganisationOffer_Endpoint_Actor_GetsWhatTheirOrganisationAllows(string actor, string endpoint, Outcome expected)
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, State);
        var organisation = await Portal.CreateOrganisationAsync();
        var item = await Portal.CreateCapacityItemAsync(CapacitySide.Offer, null, organisation, status: StatusFor(endpoint) switch
        {
            EntryStatus.Submitted => EntryStatus.AwaitingModeration,
            var status => status,
        });
        using var browser = await BrowserForAsync(actor, contributor, contributor, organisation);

        await AssertOutcomeAsync(browser, endpoint, item, expected);
    }

    private async Task AssertOutcomeAsync(Browser browser, string endpoint, int item, Outcome expected)
    {
        var before = await SnapshotAsync();

        var response = await CallAsync(browser, endpoint, item);

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

    private static EntryStatus StatusFor(string endpoint) => endpoint switch
    {
        "POST approve" or "POST return" => EntryStatus.Submitted,
        "POST publish" => EntryStatus.AwaitingModeration,
        "POST withdraw" => EntryStatus.Published,
        _ => EntryStatus.Draft,
    };

    private async Task<Browser> BrowserForAsync(string actor, TestUser contributor, TestUser approver, int organisation) => actor switch
    {
        "anonymous" => Portal.NewBrowser(),
        "own-contributor" => await Portal.SignInAsync(contributor),
        "own-approver" => await Portal.SignInAsync(approver),
        "analyst" => (await Portal.SignInAsAsync(PortalRoles.Analyst)).Browser,
        "other-contributor" => (await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA")).Browser,
        "organisation-contact" or "own-organisation-contact" => await Portal.SignInAsync(await Portal.CreateOrganisationContactAsync(organisation)),
        "other-organisation-contact" => await Portal.SignInAsync(await Portal.CreateOrganisationContactAsync(await Portal.CreateOrganisationAsync("Another foundation"))),
        "moderator" => (await Portal.SignInAsAsync(PortalRoles.Moderator)).Browser,
        "administrator" => (await Portal.SignInAsAsync(PortalRoles.Administrator)).Browser,
        "moderator-without-two-factor" => await Portal.SignInAsync(await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };

    /// <summary>A need's or offer's form fields, all valid.</summary>
    public static List<KeyValuePair<string, string>> Fields(CapacitySide side, string title = "Posted through the matrix") =>
    [
        new("Input.Side", side.ToString()), new("Input.Title", title), new("Input.Description", "What we need."),
        new("Input.Norms", "10"), new("Input.Kinds", "Training"), new("Input.Languages", "fr"), new("Input.Visibility", "Green"),
        .. side == CapacitySide.Offer ? new[] { new KeyValuePair<string, string>("Input.Regions", "African") } : [],
    ];

    private async Task<PageResponse> CallAsync(Browser browser, string endpoint, int item)
    {
        var version = await Portal.WithDbAsync(db => db.CapacityItems.Where(i => i.Id == item).Select(i => EF.Property<uint>(i, "Version")).SingleAsync());
        var v = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> Step(string action, string? reason = null) =>
            [new("action", action), new("Version", v), .. reason is null ? [] : new[] { new KeyValuePair<string, string>("reason", reason) }];
        return endpoint switch
        {
            "GET my" => await browser.GetAsync("/my/capacity"),
            "GET new-need" => await browser.GetAsync("/capacity/new?side=need"),
            "POST new-need" => await browser.PostWithTokenAsync("/capacity/new", Fields(CapacitySide.Need)),
            "GET new-offer" => await browser.GetAsync("/capacity/new?side=offer"),
            "POST new-offer" => await browser.PostWithTokenAsync("/capacity/new", Fields(CapacitySide.Offer)),
            "GET work" => await browser.GetAsync($"/capacity/work/{item}"),
            "POST save" => await browser.PostWithTokenAsync($"/capacity/work/{item}?handler=Save",
                [.. Fields(CapacitySide.Offer, "Changed by someone"), new("Version", v)]),
            "POST submit" => await browser.PostWithTokenAsync($"/capacity/work/{item}", Step("Submit")),
            "POST approve" => await browser.PostWithTokenAsync($"/capacity/work/{item}", Step("Approve")),
            "POST return" => await browser.PostWithTokenAsync($"/capacity/work/{item}", Step("Return", "Not yet")),
            "POST publish" => await browser.PostWithTokenAsync($"/capacity/work/{item}", Step("Publish")),
            "POST withdraw" => await browser.PostWithTokenAsync($"/capacity/work/{item}", Step("Withdraw", "Outdated")),
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
            HttpStatusCode.Redirect when endpoint.StartsWith("POST", StringComparison.Ordinal) && location.StartsWith("/capacity/work/", StringComparison.Ordinal) => Outcome.Allowed,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.NotFound => Outcome.NotFound,
            _ => throw new InvalidOperationException($"Unexpected answer {(int)response.Status} {location}: {response.Text[..Math.Min(400, response.Text.Length)]}"),
        };
    }

    /// <summary>Everything a refused request must not have touched.</summary>
    private Task<string> SnapshotAsync() => Portal.WithDbAsync(async db =>
    {
        var items = await db.CapacityItems.OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Status, i.Title, Version = EF.Property<uint>(i, "Version") })
            .ToListAsync();
        var events = await db.CapacityEvents.CountAsync();
        var audit = await db.AuditRecords.CountAsync(a => a.Subject != null && a.Subject.StartsWith("capacity:"));
        var mail = await db.OutgoingMail.CountAsync();
        return $"{string.Join(";", items)}|{events}|{audit}|{mail}";
    });
}
