using System.Net;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Admin;

public sealed class AdminAccessTests(PortalFixture portal) : PortalTest(portal)
{
    private static readonly string[] AdministratorPages = ["/admin/users", "/admin/invitations", "/admin/audit"];

    public static TheoryData<string, string?> NonAdministrators => new()
    {
        { PortalRoles.Contributor, "KEN" },
        { PortalRoles.Approver, "KEN" },
        { PortalRoles.Analyst, null },
        { PortalRoles.Moderator, null },
    };

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task AdministratorPages_NonAdministrator_AreRefused(string role, string? state)
    {
        var (browser, _) = await Portal.SignInAsAsync(role, state);
        var target = await Portal.CreateUserAsync(PortalRoles.Analyst);

        foreach (var url in AdministratorPages.Append($"/admin/users/{target.Id}"))
        {
            AssertRefused(await browser.GetAsync(url), url);
        }
    }

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task AdministratorHandlers_PostWithAValidTokenByNonAdministrator_ChangeNothing(string role, string? state)
    {
        var (browser, _) = await Portal.SignInAsAsync(role, state);
        var target = await Portal.CreateUserAsync(PortalRoles.Analyst);
        await Portal.WithDbAsync(async db =>
        {
            db.Invitations.Add(new Invitation("pending@example.org", PortalRoles.Analyst, null, "Pending", null, DateTimeOffset.UtcNow, out _));
            await db.SaveChangesAsync();
        });
        var invitationId = await Portal.WithDbAsync(db => db.Invitations.Select(i => i.Id).SingleAsync());
        var before = await SnapshotAsync(target.Id);
        // A real antiforgery token of this user, taken from the sign-out form every signed-in page has.
        var home = await browser.GetAsync("/");
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        KeyValuePair<string, string> Token() => new("__RequestVerificationToken", token);

        var posts = new (string Url, KeyValuePair<string, string>[] Fields)[]
        {
            ($"/admin/users/{target.Id}", [Token(), new("Input.Roles", PortalRoles.Administrator), new("Input.Roles", PortalRoles.Moderator)]),
            ($"/admin/users/{target.Id}?handler=Deactivate", [Token()]),
            ($"/admin/users/{target.Id}?handler=Reactivate", [Token()]),
            ("/admin/invitations", [Token(), new("Input.Email", "mallory@example.org"), new("Input.DisplayName", "Mallory"), new("Input.Role", PortalRoles.Administrator)]),
            ($"/admin/invitations?handler=Revoke&id={invitationId}", [Token()]),
            ("/admin/audit", [Token()]),
        };
        foreach (var (url, fields) in posts)
        {
            AssertRefused(await browser.PostAsync(url, fields), url);
        }

        Assert.Equal(before, await SnapshotAsync(target.Id));
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
    public async Task InitiativePages_Moderator_CanReachCyclesGroupsAndStates()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        foreach (var url in new[] { "/admin", "/admin/cycles", "/admin/cycles/edit", "/admin/groups", "/admin/groups/edit", "/admin/states" })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).Status);
        }

        var index = await browser.GetAsync("/admin");
        Assert.Null(index.Document.QuerySelector("main a[href='/admin/users']"));
        Assert.NotNull(index.Document.QuerySelector("main a[href='/admin/cycles']"));
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

    private static void AssertRefused(PageResponse response, string url)
    {
        var refused = response.Status == HttpStatusCode.Forbidden
            || (response.Status == HttpStatusCode.Redirect && response.RedirectPath!.StartsWith("/account/access-denied", StringComparison.Ordinal));
        Assert.True(refused, $"{url} answered {(int)response.Status} {response.RedirectPath}");
    }

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
