using System.Net;
using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Admin;

public sealed class UsersTests(PortalFixture portal) : PortalTest(portal)
{
    [Fact]
    public async Task Deactivate_SignedInUser_EndsTheirSessionAndBlocksSignIn()
    {
        var moderator = await Portal.CreateUserAsync(PortalRoles.Moderator);
        var theirBrowser = await Portal.SignInAsync(moderator);
        Assert.Equal(HttpStatusCode.OK, (await theirBrowser.GetAsync("/admin/cycles")).Status);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await admin.SubmitAsync($"/admin/users/{moderator.Id}", formSelector: "form#deactivate");

        Assert.Equal($"/admin/users/{moderator.Id}", response.RedirectPath);
        Assert.Contains("Account deactivated", (await admin.FollowAsync(response)).Text);
        var next = await theirBrowser.GetAsync("/admin/cycles");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.StartsWith("/account/sign-in", next.RedirectPath);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Portal.SignInAsync(moderator));
        Assert.False(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == moderator.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.Deactivated && a.Subject == $"user:{moderator.Email}")));
    }

    [Fact]
    public async Task Reactivate_DeactivatedUser_CanSignInAgain()
    {
        var analyst = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        await admin.SubmitAsync($"/admin/users/{analyst.Id}", formSelector: "form#deactivate");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Portal.SignInAsync(analyst));

        var response = await admin.SubmitAsync($"/admin/users/{analyst.Id}", formSelector: "form#reactivate");

        Assert.Equal($"/admin/users/{analyst.Id}", response.RedirectPath);
        using var browser = await Portal.SignInAsync(analyst);
        Assert.True(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == analyst.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.Reactivated)));
    }

    [Fact]
    public async Task Deactivate_Themselves_IsRefusedWithAMessage()
    {
        var (admin, me) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await admin.SubmitAsync($"/admin/users/{me.Id}", formSelector: "form#deactivate");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(AccountMessages.OwnDeactivation, response.Text);
        Assert.True(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).Status);
    }

    [Fact]
    public async Task ChangeRoles_RemovingOwnAdministratorRole_IsRefusedNextToTheRoles()
    {
        var (admin, me) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await admin.SubmitAsync($"/admin/users/{me.Id}", new Dictionary<string, object?> { ["Input.Roles"] = new[] { PortalRoles.Analyst } });

        Assert.Equal(AccountMessages.OwnAdministratorRole, response.FieldError("Input.Roles"));
        Assert.Equal([PortalRoles.Administrator], await RolesAsync(me.Id));
    }

    [Fact]
    public async Task ChangeRoles_AnalystToContributor_StoresRolesAndStateAuditsAndEndsTheirSession()
    {
        var analyst = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var theirBrowser = await Portal.SignInAsync(analyst);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await admin.SubmitAsync($"/admin/users/{analyst.Id}", new Dictionary<string, object?>
        {
            ["Input.Roles"] = new[] { PortalRoles.Analyst, PortalRoles.Contributor },
            ["Input.StateIso3"] = "KEN",
        });

        Assert.Equal($"/admin/users/{analyst.Id}", response.RedirectPath);
        Assert.Equal([PortalRoles.Analyst, PortalRoles.Contributor], await RolesAsync(analyst.Id));
        Assert.Equal("KEN", await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == analyst.Id).Select(u => u.StateIso3).SingleAsync()));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.SingleAsync(a => a.Action == AuditActions.RolesChanged));
        Assert.Equal($"user:{analyst.Email}", audit.Subject);
        Assert.Contains("Analyst → Analyst, Contributor", audit.Details);
        Assert.Contains("none → KEN", audit.Details);
        var home = await theirBrowser.GetAsync("/norms");
        Assert.DoesNotContain(analyst.DisplayName, Text.Visible(home.Document.QuerySelector(".account-nav")));
    }

    [Fact]
    public async Task ChangeRoles_AnalystToGroupCoordinator_StoresTheGroupAndAudits_AndClearsItWhenTheRoleGoes()
    {
        var analyst = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var g7 = await Portal.WithDbAsync(db => db.Groups.Where(g => g.Slug == "g7").Select(g => g.Id).SingleAsync());
        var g7Value = g7.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await admin.SubmitAsync($"/admin/users/{analyst.Id}", new Dictionary<string, object?>
        {
            ["Input.Roles"] = new[] { PortalRoles.GroupCoordinator },
            ["Input.GroupId"] = g7Value,
        });

        Assert.Equal($"/admin/users/{analyst.Id}", response.RedirectPath);
        Assert.Equal([PortalRoles.GroupCoordinator], await RolesAsync(analyst.Id));
        Assert.Equal(g7, await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == analyst.Id).Select(u => u.GroupId).SingleAsync()));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.SingleAsync(a => a.Action == AuditActions.RolesChanged));
        Assert.Contains($"Group: none → {g7Value}", audit.Details);
        Assert.Equal(g7Value, (await admin.GetAsync($"/admin/users/{analyst.Id}")).InputValue("Input.GroupId"));

        await admin.SubmitAsync($"/admin/users/{analyst.Id}", new Dictionary<string, object?> { ["Input.Roles"] = new[] { PortalRoles.Analyst } });

        Assert.Null(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == analyst.Id).Select(u => u.GroupId).SingleAsync()));
    }

    [Fact]
    public async Task ChangeRoles_GroupCoordinatorWithoutGroup_ShowsMessageByGroup()
    {
        var analyst = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await admin.SubmitAsync($"/admin/users/{analyst.Id}", new Dictionary<string, object?>
        {
            ["Input.Roles"] = new[] { PortalRoles.GroupCoordinator },
            ["Input.GroupId"] = "",
        });

        Assert.Equal("Choose the group a group coordinator speaks for.", response.FieldError("Input.GroupId"));
        Assert.Equal([PortalRoles.Analyst], await RolesAsync(analyst.Id));
    }

    [Fact]
    public async Task ChangeRoles_ContributorWithoutState_ShowsMessageByState()
    {
        var analyst = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await admin.SubmitAsync($"/admin/users/{analyst.Id}", new Dictionary<string, object?>
        {
            ["Input.Roles"] = new[] { PortalRoles.Contributor },
            ["Input.StateIso3"] = "",
        });

        Assert.NotNull(response.FieldError("Input.StateIso3"));
        Assert.Equal([PortalRoles.Analyst], await RolesAsync(analyst.Id));
    }

    [Fact]
    public async Task ChangeRoles_ContributorToAnalyst_ClearsTheState()
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "FRA");
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        await admin.SubmitAsync($"/admin/users/{contributor.Id}", new Dictionary<string, object?> { ["Input.Roles"] = new[] { PortalRoles.Analyst } });

        Assert.Equal([PortalRoles.Analyst], await RolesAsync(contributor.Id));
        Assert.Null(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == contributor.Id).Select(u => u.StateIso3).SingleAsync()));
    }

    [Fact]
    public async Task ChangeRoles_NothingDifferent_SaysSoWritesNothingAndKeepsTheirSession()
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "FRA");
        var theirBrowser = await Portal.SignInAsync(contributor);
        var stamp = await StampAsync(contributor.Id);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await admin.SubmitAsync($"/admin/users/{contributor.Id}");

        Assert.Equal($"/admin/users/{contributor.Id}", response.RedirectPath);
        Assert.Contains("Nothing changed.", (await admin.FollowAsync(response)).Text);
        Assert.Equal(stamp, await StampAsync(contributor.Id));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.RolesChanged)));
        Assert.Contains(contributor.DisplayName, Text.Visible((await theirBrowser.GetAsync("/norms")).Document.QuerySelector(".account-nav")));
    }

    [Fact]
    public async Task ChangeRoles_OwnRolesKeepingAdministrator_SavesThemAndKeepsTheirOwnSession()
    {
        var (admin, me) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var stamp = await StampAsync(me.Id);

        var response = await admin.SubmitAsync($"/admin/users/{me.Id}", new Dictionary<string, object?>
        {
            ["Input.Roles"] = new[] { PortalRoles.Administrator, PortalRoles.Analyst },
        });

        Assert.Equal($"/admin/users/{me.Id}", response.RedirectPath);
        Assert.Equal([PortalRoles.Administrator, PortalRoles.Analyst], await RolesAsync(me.Id));
        Assert.NotEqual(stamp, await StampAsync(me.Id)); // every other session of theirs has ended
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).Status); // this one was re-issued
    }

    [Fact]
    public async Task List_FilterByRoleStateAndText_ShowsOnlyMatchingUsers()
    {
        var kenyan = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var french = await Portal.CreateUserAsync(PortalRoles.Contributor, "FRA");
        var analyst = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var (admin, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var byRoleAndState = await admin.GetAsync("/admin/users?role=Contributor&state=KEN");
        var byText = await admin.GetAsync($"/admin/users?q={analyst.Email[..12]}");

        Assert.Contains(kenyan.Email, byRoleAndState.Text);
        Assert.DoesNotContain(french.Email, byRoleAndState.Text);
        Assert.DoesNotContain(analyst.Email, byRoleAndState.Text);
        Assert.Contains(analyst.Email, byText.Text);
        Assert.DoesNotContain(kenyan.Email, byText.Text);
    }

    private Task<string?> StampAsync(string userId) =>
        Portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

    private Task<List<string>> RolesAsync(string userId) => Portal.WithDbAsync(db =>
        db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());
}
