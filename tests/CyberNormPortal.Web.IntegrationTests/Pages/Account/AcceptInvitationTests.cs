using System.Net;
using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Account;

public sealed class AcceptInvitationTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Password = "harbour violet trombone";
    private const string Unusable = "This invitation link does not work";

    [Fact]
    public async Task Accept_ContributorInvitation_CreatesTheAccountWithRoleAndStateSignsInAndLandsHome()
    {
        var (email, link) = await InviteAsync(PortalRoles.Contributor, "KEN");
        using var browser = Portal.NewBrowser();
        var form = await browser.GetAsync(link);
        Assert.Equal(email, form.Document.QuerySelector("input#email")!.GetAttribute("value"));
        Assert.Equal("Invited Person", form.InputValue("Input.DisplayName"));

        var response = await AcceptAsync(browser, form, "Wanjiru Kamau");

        Assert.Equal("/", response.RedirectPath);
        var home = await browser.GetAsync("/norms");
        Assert.Contains("Wanjiru Kamau", Text.Visible(home.Document.QuerySelector(".account-nav")));
        var user = await Portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(("KEN", "Wanjiru Kamau", true, true), (user.StateIso3, user.DisplayName, user.IsActive, user.EmailConfirmed));
        var roles = await Portal.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([PortalRoles.Contributor], roles);
        Assert.NotNull(await Portal.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.AcceptedAt).SingleAsync()));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.InvitationAccepted, audit);
    }

    [Fact]
    public async Task Accept_GroupCoordinatorInvitation_GivesTheRoleAndGroup_AndTheirDeskIsTheGroups()
    {
        var g7 = await Portal.WithDbAsync(db => db.Groups.Where(g => g.Slug == "g7").Select(g => g.Id).SingleAsync());
        var (email, link) = await InviteAsync(PortalRoles.GroupCoordinator, null, groupId: g7);
        using var browser = Portal.NewBrowser();

        var response = await AcceptAsync(browser, await browser.GetAsync(link), "Presidency Contact");

        Assert.Equal("/", response.RedirectPath);
        var user = await Portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(((string?)null, (int?)g7), (user.StateIso3, user.GroupId));
        var roles = await Portal.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([PortalRoles.GroupCoordinator], roles);
        var desk = await browser.GetAsync("/my");
        Assert.Equal(HttpStatusCode.OK, desk.Status);
        Assert.Contains("Entries of Group of Seven", desk.Text);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/review")).Status);
        Assert.Contains("Reported by Group of Seven.", (await browser.GetAsync("/entries/new")).Text);
    }

    [Fact]
    public async Task Accept_ModeratorInvitation_LandsOnTwoFactorSetUp()
    {
        var (_, link) = await InviteAsync(PortalRoles.Moderator, null);
        using var browser = Portal.NewBrowser();

        var response = await AcceptAsync(browser, await browser.GetAsync(link), "Moderator Person");

        Assert.Equal("/account/two-factor?required=true", response.RedirectPath);
        var setUp = await browser.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, setUp.Status);
        Assert.Contains("Your role requires two-factor sign-in", setUp.Text);
    }

    [Fact]
    public async Task Accept_LinkUsedBefore_SaysItDoesNotWorkAndMakesNoSecondAccount()
    {
        var (email, link) = await InviteAsync(PortalRoles.Analyst, null);
        using var first = Portal.NewBrowser();
        using var second = Portal.NewBrowser();
        var secondForm = await second.GetAsync(link);
        await AcceptAsync(first, await first.GetAsync(link), "First");

        var reopened = await first.GetAsync(link);
        var late = await AcceptAsync(second, secondForm, "Second");

        Assert.Equal(HttpStatusCode.Gone, reopened.Status);
        Assert.Contains(Unusable, reopened.Text);
        Assert.Contains("Ask an administrator", reopened.Text);
        Assert.Equal(HttpStatusCode.Gone, late.Status);
        Assert.Equal(["First"], await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).ToListAsync()));
    }

    [Fact]
    public async Task Accept_TwoSubmissionsRace_OnlyOneAccountIsMade()
    {
        var (email, link) = await InviteAsync(PortalRoles.Analyst, null);
        using var first = Portal.NewBrowser();
        using var second = Portal.NewBrowser();
        var firstForm = await first.GetAsync(link);
        var secondForm = await second.GetAsync(link);

        var responses = await Task.WhenAll(AcceptAsync(first, firstForm, "First"), AcceptAsync(second, secondForm, "Second"));

        Assert.Single(responses, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).ToListAsync()));
    }

    [Fact]
    public async Task Accept_ExpiredInvitation_SaysItDoesNotWork()
    {
        var (email, link) = await InviteAsync(PortalRoles.Analyst, null);
        await Portal.WithDbAsync(db => db.Invitations.Where(i => i.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        using var browser = Portal.NewBrowser();

        var page = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains(Unusable, page.Text);
        Assert.Null(page.Document.QuerySelector("input[name='Input.NewPassword']"));
    }

    [Fact]
    public async Task Accept_UnknownToken_SaysItDoesNotWork()
    {
        using var browser = Portal.NewBrowser();

        var page = await browser.GetAsync("/account/accept-invitation?token=made-up-token");

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains(Unusable, page.Text);
    }

    [Theory]
    [InlineData("elevenchars")]
    [InlineData("password1234")]
    public async Task Accept_WeakPassword_MessageNextToTheFieldNameKeptNoAccount(string weak)
    {
        var (email, link) = await InviteAsync(PortalRoles.Analyst, null);
        using var browser = Portal.NewBrowser();

        var response = await browser.SubmitAsync(link, new Dictionary<string, object?>
        {
            ["Input.DisplayName"] = "Edited Name",
            ["Input.NewPassword"] = weak,
            ["Input.ConfirmPassword"] = weak,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Input.NewPassword"));
        Assert.Equal("Edited Name", response.InputValue("Input.DisplayName"));
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Null(await Portal.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.AcceptedAt).SingleAsync()));
    }

    [Fact]
    public async Task Accept_AccountWithThatEmailExists_SaysSo()
    {
        var existing = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var (_, link) = await InviteAsync(PortalRoles.Analyst, null, existing.Email);
        using var browser = Portal.NewBrowser();

        var response = await AcceptAsync(browser, await browser.GetAsync(link), "Someone");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(AccountMessages.AccountExists, response.Text);
    }

    private async Task<(string Email, string Link)> InviteAsync(string role, string? state, string? email = null, int? groupId = null)
    {
        email ??= $"invited-{Guid.NewGuid():N}@example.org";
        var token = await Portal.WithDbAsync(async db =>
        {
            var invitation = new Invitation(email, role, state, "Invited Person", null, DateTimeOffset.UtcNow, out var token, groupId);
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return token;
        });
        return (email, $"{InvitationLinks.AcceptPath}?token={token}");
    }

    private static Task<PageResponse> AcceptAsync(Browser browser, PageResponse form, string name) =>
        browser.SubmitAsync(form, new Dictionary<string, object?>
        {
            ["Input.DisplayName"] = name,
            ["Input.NewPassword"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
}
