using System.Net;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Admin;

public sealed class AdminAccessTests(PortalFixture portal) : PortalTest(portal)
{
    /// <summary>Accounts, the audit log and State participation (which States publish without moderation): administrators only.</summary>
    private static readonly string[] AdministratorPages = ["/admin/users", "/admin/invitations", "/admin/audit", "/admin/states"];

    private static readonly string[] InitiativePages = ["/admin", "/admin/cycles", "/admin/cycles/edit", "/admin/groups", "/admin/groups/edit"];

    /// <summary>
    /// The app endpoints (AppEndpoint.Key) whose refusals these tests assert: every admin page for people without the
    /// role, and every admin form post with a valid token. The EndpointCoverageTests read this list.
    /// </summary>
    public static readonly IReadOnlyCollection<string> CoveredEndpoints =
    [
        "GET /admin/users", "GET /admin/invitations", "GET /admin/audit", "GET /admin/users/{id}",
        "POST /admin/users/{id}", "POST /admin/users/{id}?handler=Deactivate", "POST /admin/users/{id}?handler=Reactivate",
        "POST /admin/invitations", "POST /admin/invitations?handler=Revoke",
        "GET /admin", "GET /admin/cycles", "GET /admin/cycles/edit/{id:int?}", "GET /admin/groups", "GET /admin/groups/edit/{id:int?}",
        "GET /admin/states", "POST /admin/cycles/edit/{id:int?}", "POST /admin/groups/edit/{id:int?}", "POST /admin/states",
    ];

    /// <summary>Role, State, two-factor sign-in set up, and whether the refusal is a redirect to set it up.</summary>
    public static TheoryData<string, string?, bool, bool> NeitherModeratorNorAdministrator => new()
    {
        { PortalRoles.Contributor, "KEN", false, false },
        { PortalRoles.Approver, "KEN", false, false },
        { PortalRoles.Analyst, null, false, false },
        { PortalRoles.Moderator, null, false, true },
        { PortalRoles.Administrator, null, false, true },
    };

    public static TheoryData<string, string?, bool, bool> NonAdministrators => new()
    {
        { PortalRoles.Contributor, "KEN", false, false },
        { PortalRoles.Approver, "KEN", false, false },
        { PortalRoles.Analyst, null, false, false },
        { PortalRoles.Moderator, null, true, false },
        { PortalRoles.Moderator, null, false, false },
        { PortalRoles.Administrator, null, false, true },
    };

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task AdministratorPages_NonAdministrator_AreRefused(string role, string? state, bool twoFactor, bool toTwoFactorSetUp)
    {
        var browser = await Portal.SignInAsync(await Portal.CreateUserAsync(role, state, twoFactor));
        var target = await Portal.CreateUserAsync(PortalRoles.Analyst);

        foreach (var url in AdministratorPages.Append($"/admin/users/{target.Id}"))
        {
            AssertRefused(await browser.GetAsync(url), url, toTwoFactorSetUp);
        }
    }

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task AdministratorHandlers_PostWithAValidTokenByNonAdministrator_ChangeNothing(string role, string? state, bool twoFactor, bool toTwoFactorSetUp)
    {
        var browser = await Portal.SignInAsync(await Portal.CreateUserAsync(role, state, twoFactor));
        var target = await Portal.CreateUserAsync(PortalRoles.Analyst);
        await Portal.WithDbAsync(async db =>
        {
            db.Invitations.Add(new Invitation("pending@example.org", PortalRoles.Analyst, null, "Pending", null, DateTimeOffset.UtcNow, out _));
            await db.SaveChangesAsync();
        });
        var invitationId = await Portal.WithDbAsync(db => db.Invitations.Select(i => i.Id).SingleAsync());
        var before = await SnapshotAsync(target.Id);
        // A real antiforgery token of this user, taken from the sign-out form every signed-in page has.
        var home = await browser.GetAsync("/norms");
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        KeyValuePair<string, string> Token() => new("__RequestVerificationToken", token);

        var posts = new (string Url, KeyValuePair<string, string>[] Fields)[]
        {
            ($"/admin/users/{target.Id}", [Token(), new("Input.Roles", PortalRoles.Administrator), new("Input.Roles", PortalRoles.Moderator)]),
            ($"/admin/users/{target.Id}?handler=Deactivate", [Token()]),
            ($"/admin/users/{target.Id}?handler=Reactivate", [Token()]),
            ("/admin/invitations", [Token(), new("Input.Email", "mallory@example.org"), new("Input.DisplayName", "Mallory"), new("Input.Role", PortalRoles.Administrator)]),
            ($"/admin/invitations?handler=Revoke&id={invitationId}", [Token()]),
            ("/admin/states", [Token(), new("Input.Participation[KEN]", "Member"), new("Input.Participation[USA]", "Partner")]),
        };
        var members = await MembersAsync();
        foreach (var (url, fields) in posts)
        {
            AssertRefused(await browser.PostAsync(url, fields), url, toTwoFactorSetUp);
        }

        // The audit log is read-only: a POST is not a method it serves, whoever sends it.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await browser.PostAsync("/admin/audit", [Token()])).Status);

        Assert.Equal(before, await SnapshotAsync(target.Id));
        Assert.Equal(members, await MembersAsync());
    }

    [Theory]
    [MemberData(nameof(NeitherModeratorNorAdministrator))]
    public async Task InitiativePages_NeitherModeratorNorAdministrator_AreRefusedAndTheirPostsChangeNothing(
        string role, string? state, bool twoFactor, bool toTwoFactorSetUp)
    {
        var browser = await Portal.SignInAsync(await Portal.CreateUserAsync(role, state, twoFactor));
        var group = await Portal.WithDbAsync(db => db.Groups.Select(g => g.Id).FirstAsync());
        var cycle = await Portal.WithDbAsync(db => db.Cycles.Select(c => c.Id).FirstAsync());
        var before = await InitiativeSnapshotAsync();
        var home = await browser.GetAsync("/norms");
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        KeyValuePair<string, string> Token() => new("__RequestVerificationToken", token);

        foreach (var url in InitiativePages.Concat([$"/admin/cycles/edit/{cycle}", $"/admin/groups/edit/{group}"]))
        {
            AssertRefused(await browser.GetAsync(url), url, toTwoFactorSetUp);
        }

        var posts = new (string Url, KeyValuePair<string, string>[] Fields)[]
        {
            ("/admin/cycles/edit", [Token(), new("Input.Slug", "forged"), new("Input.Name", "Forged"), new("Input.OpensOn", "2026-01-01"), new("Input.ClosesOn", "2026-12-31"), new("Input.IsOpen", "true")]),
            ($"/admin/cycles/edit/{cycle}", [Token(), new("Input.Slug", "forged"), new("Input.Name", "Forged"), new("Input.OpensOn", "2026-01-01"), new("Input.ClosesOn", "2026-12-31")]),
            ("/admin/groups/edit", [Token(), new("Input.Slug", "forged"), new("Input.Name", "Forged"), new("Input.Abbreviation", "FG"), new("Input.Members", "KEN")]),
            ($"/admin/groups/edit/{group}", [Token(), new("Input.Name", "Forged"), new("Input.Abbreviation", "FG")]),
        };
        foreach (var (url, fields) in posts)
        {
            AssertRefused(await browser.PostAsync(url, fields), url, toTwoFactorSetUp);
        }

        Assert.Equal(before, await InitiativeSnapshotAsync());
    }

    [Fact]
    public async Task AdministratorPages_Anonymous_RedirectToSignIn()
    {
        using var browser = Portal.NewBrowser();

        foreach (var url in AdministratorPages.Concat(["/admin", "/admin/cycles", "/admin/groups", "/admin/states"]))
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.StartsWith("/account/sign-in", response.RedirectPath);
        }
    }

    [Fact]
    public async Task InitiativePages_Moderator_CanReachCyclesAndGroupsButNotStateParticipation()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        foreach (var url in new[] { "/admin", "/admin/cycles", "/admin/cycles/edit", "/admin/groups", "/admin/groups/edit" })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).Status);
        }

        AssertRefused(await browser.GetAsync("/admin/states"), "/admin/states", toTwoFactorSetUp: false);
        var index = await browser.GetAsync("/admin");
        Assert.Null(index.Document.QuerySelector("main a[href='/admin/users']"));
        Assert.Null(index.Document.QuerySelector("main a[href='/admin/states']"));
        Assert.NotNull(index.Document.QuerySelector("main a[href='/admin/cycles']"));
        Assert.Null((await browser.GetAsync("/admin/groups")).Document.QuerySelector("main a[href='/admin/states']"));
    }

    [Fact]
    public async Task Index_Administrator_LinksToEverySection()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var index = await browser.GetAsync("/admin");

        foreach (var url in new[] { "/admin/users", "/admin/invitations", "/admin/audit", "/admin/cycles", "/admin/groups", "/admin/states" })
        {
            Assert.NotNull(index.Document.QuerySelector($"main a[href='{url}']"));
        }
    }

    [Fact]
    public async Task StateParticipation_Administrator_CanReachItFromTheIndexAndTheGroups()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/states")).Status);
        Assert.NotNull((await browser.GetAsync("/admin/groups")).Document.QuerySelector("main a[href='/admin/states']"));
    }

    /// <summary>
    /// Refused: 403 or the access-denied page — or, for a moderator or administrator without two-factor sign-in asking
    /// for a page their role would open, the two-factor set-up (<paramref name="toTwoFactorSetUp"/>), which opens nothing.
    /// </summary>
    private static void AssertRefused(PageResponse response, string url, bool toTwoFactorSetUp)
    {
        var refused = toTwoFactorSetUp
            ? response.Status == HttpStatusCode.Redirect && response.RedirectPath!.StartsWith("/account/two-factor?required=true", StringComparison.Ordinal)
            : response.Status == HttpStatusCode.Forbidden
              || (response.Status == HttpStatusCode.Redirect && response.RedirectPath!.StartsWith("/account/access-denied", StringComparison.Ordinal));
        Assert.True(refused, $"{url} answered {(int)response.Status} {response.RedirectPath}");
    }

    private Task<string> MembersAsync() => Portal.WithDbAsync(async db => string.Join(",", await db.States
        .Where(s => s.Participation == Domain.States.InitiativeParticipation.Member).OrderBy(s => s.Iso3).Select(s => s.Iso3).ToListAsync()));

    private Task<string> InitiativeSnapshotAsync() => Portal.WithDbAsync(async db =>
    {
        var cycles = await db.Cycles.OrderBy(c => c.Id).Select(c => c.Slug + c.Name + c.IsOpen).ToListAsync();
        var groups = await db.Groups.OrderBy(g => g.Id).Select(g => g.Slug + g.Name + g.Abbreviation).ToListAsync();
        var members = await db.States.Where(s => s.Participation == Domain.States.InitiativeParticipation.Member).OrderBy(s => s.Iso3).Select(s => s.Iso3).ToListAsync();
        return string.Join(",", cycles) + ";" + string.Join(",", groups) + ";" + string.Join(",", members) + ";" + await db.GroupMemberships.CountAsync()
            + ";" + await db.AuditRecords.CountAsync(a => a.Action != "sign-in");
    });

    private Task<string> SnapshotAsync(string userId) => Portal.WithDbAsync(async db =>
    {
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).OrderBy(n => n).ToListAsync();
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.IsActive, u.SecurityStamp }).SingleAsync();
        var invitations = await db.Invitations.Select(i => new { i.Email, i.RevokedAt }).ToListAsync();
        return string.Join("|", roles) + $";{user.IsActive};{user.SecurityStamp};"
            + string.Join(",", invitations.Select(i => $"{i.Email}:{i.RevokedAt}"))
            + $";{await db.UserRoles.CountAsync()};{await db.OutgoingMail.CountAsync()};{await db.AuditRecords.CountAsync(a => a.Action != "sign-in")}";
    });
}
