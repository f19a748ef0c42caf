using System.Net;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Admin;

public sealed class InvitationsTests(PortalFixture portal) : PortalTest(portal)
{
    private static Dictionary<string, object?> Invite(string email, string role, string? state, string name = "Ada Lovelace") => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = name,
        ["Input.Role"] = role,
        ["Input.StateIso3"] = state ?? "",
    };

    [Fact]
    public async Task Invite_Contributor_StoresHashQueuesMailWithLinkAndAudits()
    {
        var (browser, admin) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await browser.SubmitAsync("/admin/invitations", Invite("ada@example.org", PortalRoles.Contributor, "KEN"), "form#invite");

        Assert.Equal("/admin/invitations", response.RedirectPath);
        var page = await browser.FollowAsync(response);
        Assert.Contains("Invitation sent to ada@example.org", page.Text);
        var invitation = await Portal.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.Equal(("ada@example.org", PortalRoles.Contributor, "KEN", admin.Id), (invitation.Email, invitation.Role, invitation.StateIso3, invitation.InvitedByUserId));
        Assert.Matches("^[0-9A-F]{64}$", invitation.TokenHash);
        var mail = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync());
        Assert.Equal("ada@example.org", mail.To);
        var link = System.Text.RegularExpressions.Regex.Match(mail.Body, @"https?://\S+/account/accept-invitation\?token=(\S+)");
        Assert.True(link.Success, mail.Body);
        Assert.Equal(Invitation.Hash(link.Groups[1].Value), invitation.TokenHash);
        Assert.Contains(admin.DisplayName, mail.Body);
        Assert.Contains("Kenya", mail.Body);
        Assert.Contains("7 days", mail.Body);
        Assert.DoesNotContain(link.Groups[1].Value, page.Document.DocumentElement.OuterHtml);
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Action == AuditActions.Invited).SingleAsync());
        Assert.Equal(("user:ada@example.org", admin.Id), (audit.Subject, audit.UserId));
        Assert.Contains("Pending", page.Text);
    }

    [Fact]
    public async Task Invite_GroupCoordinator_StoresTheGroupAndTheMailNamesIt()
    {
        var (browser, admin) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var g7 = await Portal.WithDbAsync(db => db.Groups.Where(g => g.Slug == "g7").Select(g => g.Id).SingleAsync());
        var fields = Invite("presidency@example.org", PortalRoles.GroupCoordinator, null, "G7 Presidency");
        fields["Input.GroupId"] = g7.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await browser.SubmitAsync("/admin/invitations", fields, "form#invite");

        Assert.Equal("/admin/invitations", response.RedirectPath);
        var invitation = await Portal.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.Equal((PortalRoles.GroupCoordinator, (string?)null, (int?)g7), (invitation.Role, invitation.StateIso3, invitation.GroupId));
        var mail = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync());
        Assert.Contains("the role Group coordinator for Group of Seven", mail.Body);
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Action == AuditActions.Invited).SingleAsync());
        Assert.Equal(admin.Id, audit.UserId);
        Assert.Contains("Group: Group of Seven", audit.Details);
        var list = await browser.FollowAsync(response);
        Assert.Contains("Group of Seven", Text.Visible(list.Document.QuerySelector("table")));
    }

    [Fact]
    public async Task Invite_GroupCoordinatorWithoutGroup_ShowsMessageByGroupAndKeepsTheRest()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await browser.SubmitAsync("/admin/invitations", Invite("dora@example.org", PortalRoles.GroupCoordinator, null, "Dora"), "form#invite");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Choose the group a group coordinator speaks for.", response.FieldError("Input.GroupId"));
        Assert.Null(response.FieldError("Input.StateIso3"));
        Assert.Equal(PortalRoles.GroupCoordinator, response.InputValue("Input.Role"));
        Assert.Equal("dora@example.org", response.InputValue("Input.Email"));
        await AssertNothingSentAsync();
    }

    [Fact]
    public async Task Invite_ContributorWithAGroup_ShowsMessageByGroup()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var g7 = await Portal.WithDbAsync(db => db.Groups.Where(g => g.Slug == "g7").Select(g => g.Id).SingleAsync());
        var fields = Invite("erin@example.org", PortalRoles.Contributor, "FRA", "Erin");
        fields["Input.GroupId"] = g7.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await browser.SubmitAsync("/admin/invitations", fields, "form#invite");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Input.GroupId"));
        Assert.Equal(g7.ToString(System.Globalization.CultureInfo.InvariantCulture), response.InputValue("Input.GroupId"));
        await AssertNothingSentAsync();
    }

    [Fact]
    public async Task Invite_ContributorWithoutState_ShowsMessageByStateAndKeepsTheRest()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await browser.SubmitAsync("/admin/invitations", Invite("bob@example.org", PortalRoles.Contributor, null, "Bob Builder"), "form#invite");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Input.StateIso3"));
        Assert.Null(response.FieldError("Input.Email"));
        Assert.Equal("bob@example.org", response.InputValue("Input.Email"));
        Assert.Equal("Bob Builder", response.InputValue("Input.DisplayName"));
        Assert.Equal(PortalRoles.Contributor, response.InputValue("Input.Role"));
        await AssertNothingSentAsync();
    }

    [Fact]
    public async Task Invite_AnalystWithState_ShowsMessageByStateAndKeepsTheRest()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await browser.SubmitAsync("/admin/invitations", Invite("carol@example.org", PortalRoles.Analyst, "FRA"), "form#invite");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Input.StateIso3"));
        Assert.Equal("carol@example.org", response.InputValue("Input.Email"));
        Assert.Equal(PortalRoles.Analyst, response.InputValue("Input.Role"));
        Assert.Equal("FRA", response.InputValue("Input.StateIso3"));
        await AssertNothingSentAsync();
    }

    [Fact]
    public async Task Invite_BadEmail_ShowsMessageByEmailAndKeepsTheRest()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await browser.SubmitAsync("/admin/invitations", Invite("not-an-address", PortalRoles.Approver, "JPN", "Dan"), "form#invite");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Input.Email"));
        Assert.Null(response.FieldError("Input.StateIso3"));
        Assert.Equal("not-an-address", response.InputValue("Input.Email"));
        Assert.Equal("Dan", response.InputValue("Input.DisplayName"));
        Assert.Equal("JPN", response.InputValue("Input.StateIso3"));
        await AssertNothingSentAsync();
    }

    [Fact]
    public async Task Invite_ExistingUser_SaysTheAddressHasAnAccount()
    {
        var existing = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        var response = await browser.SubmitAsync("/admin/invitations", Invite(existing.Email.ToUpperInvariant(), PortalRoles.Analyst, null, "Eve"), "form#invite");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("already has an account", response.FieldError("Input.Email"));
        Assert.Equal("Eve", response.InputValue("Input.DisplayName"));
        await AssertNothingSentAsync();
    }

    [Fact]
    public async Task Invite_PendingInvitationExists_IsRefusedUntilRevoked()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        await browser.SubmitAsync("/admin/invitations", Invite("fay@example.org", PortalRoles.Analyst, null), "form#invite");

        var again = await browser.SubmitAsync("/admin/invitations", Invite("fay@example.org", PortalRoles.Analyst, null), "form#invite");
        Assert.Contains("pending invitation", again.FieldError("Input.Email"));

        var revoked = await browser.SubmitAsync("/admin/invitations", formSelector: "form.revoke");
        Assert.Equal("/admin/invitations", revoked.RedirectPath);
        var invitation = await Portal.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.NotNull(invitation.RevokedAt);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.InvitationRevoked)));
        var third = await browser.SubmitAsync("/admin/invitations", Invite("fay@example.org", PortalRoles.Analyst, null), "form#invite");
        Assert.Equal("/admin/invitations", third.RedirectPath);
    }

    [Fact]
    public async Task Revoke_FromAPageOpenedBeforeItWasRevoked_SaysItWasNoLongerPendingAndChangesNothing()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        await browser.SubmitAsync("/admin/invitations", Invite("gus@example.org", PortalRoles.Analyst, null), "form#invite");
        var stalePage = await browser.GetAsync("/admin/invitations");
        await browser.SubmitAsync(stalePage, formSelector: "form.revoke");
        var revokedAt = await Portal.WithDbAsync(db => db.Invitations.Select(i => i.RevokedAt).SingleAsync());

        var again = await browser.SubmitAsync(stalePage, formSelector: "form.revoke");

        Assert.Equal("/admin/invitations", again.RedirectPath);
        Assert.Contains("That invitation was no longer pending.", (await browser.FollowAsync(again)).Text);
        Assert.Equal(revokedAt, await Portal.WithDbAsync(db => db.Invitations.Select(i => i.RevokedAt).SingleAsync()));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.InvitationRevoked)));
    }

    private async Task AssertNothingSentAsync()
    {
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Invitations.CountAsync()));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.OutgoingMail.CountAsync()));
    }
}
