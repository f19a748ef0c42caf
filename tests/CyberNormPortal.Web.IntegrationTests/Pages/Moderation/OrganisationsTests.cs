using System.Globalization;
using System.Net;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Moderation;

/// <summary>
/// The register of capacity-building organisations (/moderation/organisations): who may reach it, registering and
/// editing one, and inviting its points of contact there or on the administrators' invitation form.
/// </summary>
public sealed class OrganisationsTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Password = "harbour violet trombone";

    /// <summary>The endpoints whose refusals these tests assert; the EndpointCoverageTests read this list.</summary>
    public static readonly IReadOnlyCollection<string> CoveredEndpoints =
    [
        "GET /moderation/organisations", "POST /moderation/organisations",
        "GET /moderation/organisations/{id:int}", "POST /moderation/organisations/{id:int}",
        "POST /moderation/organisations/{id:int}?handler=Invite",
    ];

    /// <summary>Role, State, two-factor sign-in set up, and whether the refusal is a redirect to set it up.</summary>
    public static TheoryData<string, string?, bool, bool> Refused => new()
    {
        { PortalRoles.Analyst, null, false, false },
        { PortalRoles.Contributor, "KEN", false, false },
        { PortalRoles.Approver, "KEN", false, false },
        { PortalRoles.GroupCoordinator, null, false, false },
        { PortalRoles.OrganisationContact, null, false, false },
        { PortalRoles.Moderator, null, false, true },
        { PortalRoles.Administrator, null, false, true },
    };

    public static TheoryData<string> Allowed => new() { PortalRoles.Moderator, PortalRoles.Administrator };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Pages_NeitherModeratorNorAdministratorWithTwoFactor_AreRefusedAndTheirPostsChangeNothing(
        string role, string? state, bool twoFactor, bool toTwoFactorSetUp)
    {
        var browser = await Portal.SignInAsync(await Portal.CreateUserAsync(role, state, twoFactor));
        var organisation = await Portal.CreateOrganisationAsync("Africa CERT network");
        var before = await SnapshotAsync();
        var token = (await browser.GetAsync("/norms")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        foreach (var url in new[] { "/moderation/organisations", $"/moderation/organisations/{organisation}" })
        {
            AssertRefused(await browser.GetAsync(url), url, toTwoFactorSetUp);
        }

        foreach (var (url, fields) in ForgedPosts(organisation, token))
        {
            AssertRefused(await browser.PostAsync(url, fields), url, toTwoFactorSetUp);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Pages_Anonymous_RedirectToSignInAndPostsChangeNothing()
    {
        using var browser = Portal.NewBrowser();
        var organisation = await Portal.CreateOrganisationAsync();
        var before = await SnapshotAsync();

        foreach (var url in new[] { "/moderation/organisations", $"/moderation/organisations/{organisation}" })
        {
            var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.Status);
            Assert.StartsWith("/account/sign-in", response.RedirectPath);
        }

        var token = (await browser.GetAsync("/account/sign-in")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        foreach (var (url, fields) in ForgedPosts(organisation, token))
        {
            var response = await browser.PostAsync(url, fields);
            Assert.True(response.Status == HttpStatusCode.Redirect && response.RedirectPath!.StartsWith("/account/sign-in", StringComparison.Ordinal), url);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Register_ModeratorOrAdministrator_SavesAuditsAndListsIt(string role)
    {
        var (browser, user) = await Portal.SignInAsAsync(role);

        var response = await browser.SubmitAsync("/moderation/organisations", new Dictionary<string, object?>
        {
            ["Input.Name"] = "  Africa CERT network ",
            ["Input.Website"] = "https://africacert.example.org",
        }, "form#register");

        var organisation = await Portal.WithDbAsync(db => db.Organisations.SingleAsync());
        Assert.Equal(("Africa CERT network", "https://africacert.example.org"), (organisation.Name, organisation.Website));
        Assert.Equal($"/moderation/organisations/{organisation.Id}", response.RedirectPath);
        Assert.Contains("Africa CERT network", (await browser.FollowAsync(response)).Notice);
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.SingleAsync(a => a.Action == AuditActions.OrganisationCreated));
        Assert.Equal((AuditSubjects.Organisation(organisation.Id), user.Id), (audit.Subject, audit.UserId));

        await Portal.CreateOrganisationContactAsync(organisation.Id);
        var list = await browser.GetAsync("/moderation/organisations");
        var row = list.Document.QuerySelectorAll("main table tbody tr").Single();
        Assert.Equal(["Africa CERT network", "https://africacert.example.org", "1", "0"], row.Children.Select(Text.Visible));
        Assert.NotNull(row.QuerySelector($"a[href='/moderation/organisations/{organisation.Id}']"));
    }

    [Fact]
    public async Task Register_NoNameTakenNameOrBadWebsite_ShowsTheErrorNextToTheFieldAndSavesNothing()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        await Portal.CreateOrganisationAsync("Africa CERT network");
        var before = await SnapshotAsync();

        var empty = await browser.SubmitAsync("/moderation/organisations", new Dictionary<string, object?> { ["Input.Name"] = " " }, "form#register");
        var taken = await browser.SubmitAsync("/moderation/organisations", new Dictionary<string, object?> { ["Input.Name"] = "africa cert NETWORK" }, "form#register");
        var website = await browser.SubmitAsync("/moderation/organisations", new Dictionary<string, object?>
        {
            ["Input.Name"] = "Pacific Cyber Foundation",
            ["Input.Website"] = "javascript:alert(1)",
        }, "form#register");

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("Give the organisation's name.", empty.FieldError("Input.Name"));
        Assert.Equal("Another organisation already has this name.", taken.FieldError("Input.Name"));
        Assert.Equal("Enter a web address starting with http:// or https://.", website.FieldError("Input.Website"));
        Assert.Equal("Pacific Cyber Foundation", website.InputValue("Input.Name"));
        Assert.NotNull(website.Document.QuerySelector(".error-summary a[href='#Input_Website']"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Edit_Moderator_RenamesAuditsAndRefusesAnotherOrganisationsName()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var id = await Portal.CreateOrganisationAsync("Africa CERT network");
        await Portal.CreateOrganisationAsync("Pacific Cyber Foundation");
        var url = $"/moderation/organisations/{id}";

        var taken = await browser.SubmitAsync(url, new Dictionary<string, object?> { ["Input.Name"] = "Pacific Cyber Foundation" }, "form#organisation");
        Assert.Equal("Another organisation already has this name.", taken.FieldError("Input.Name"));

        var saved = await browser.SubmitAsync(url, new Dictionary<string, object?>
        {
            ["Input.Name"] = "AfricaCERT",
            ["Input.Website"] = "http://africacert.example.org/",
        }, "form#organisation");

        Assert.Equal(url, saved.RedirectPath);
        var organisation = await Portal.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == id));
        Assert.Equal(("AfricaCERT", "http://africacert.example.org/"), (organisation.Name, organisation.Website));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.SingleAsync(a => a.Action == AuditActions.OrganisationChanged));
        Assert.Equal(AuditSubjects.Organisation(id), audit.Subject);
        Assert.Contains("AfricaCERT", audit.Details);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/moderation/organisations/999999")).Status);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task InviteContact_ModeratorOrAdministrator_InvitesAnOrganisationContactBoundToIt_AndTheMailNamesIt(string role)
    {
        var (browser, user) = await Portal.SignInAsAsync(role);
        var id = await Portal.CreateOrganisationAsync("Africa CERT network");

        var response = await browser.SubmitAsync($"/moderation/organisations/{id}", new Dictionary<string, object?>
        {
            ["Invite.Email"] = "poc@africacert.example.org",
            ["Invite.DisplayName"] = "Amina Diallo",
            ["Invite.Language"] = "fr",
            // A forged role and State are ignored: the page invites organisation contacts of this organisation only.
            ["Invite.Role"] = PortalRoles.Administrator,
            ["Invite.StateIso3"] = "KEN",
        }, "form#invite");

        Assert.Equal($"/moderation/organisations/{id}", response.RedirectPath);
        var invitation = await Portal.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.Equal(
            ("poc@africacert.example.org", PortalRoles.OrganisationContact, (string?)null, (int?)null, (int?)id, user.Id),
            (invitation.Email, invitation.Role, invitation.StateIso3, invitation.GroupId, invitation.OrganisationId, invitation.InvitedByUserId));
        var mail = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync());
        Assert.Equal("poc@africacert.example.org", mail.To);
        Assert.Contains("Point de contact d’organisation (Africa CERT network)", mail.Body);
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.SingleAsync(a => a.Action == AuditActions.Invited));
        Assert.Equal(("user:poc@africacert.example.org", user.Id), (audit.Subject, audit.UserId));
        Assert.Contains("Role: OrganisationContact; State: none; Organisation: Africa CERT network", audit.Details);
        var page = await browser.FollowAsync(response);
        Assert.Contains("Amina Diallo (poc@africacert.example.org)", page.Text);
    }

    [Fact]
    public async Task InviteContact_NoAddressOrOneWithAnAccount_ShowsTheErrorNextToTheFieldAndSendsNothing()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var id = await Portal.CreateOrganisationAsync();
        var existing = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var before = await SnapshotAsync();

        var empty = await browser.SubmitAsync($"/moderation/organisations/{id}", new Dictionary<string, object?> { ["Invite.DisplayName"] = "" }, "form#invite");
        var taken = await browser.SubmitAsync($"/moderation/organisations/{id}", new Dictionary<string, object?>
        {
            ["Invite.Email"] = existing.Email,
            ["Invite.DisplayName"] = "Someone",
        }, "form#invite");

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.NotNull(empty.FieldError("Invite.Email"));
        Assert.NotNull(empty.FieldError("Invite.DisplayName"));
        Assert.Null(empty.FieldError("Input.Name"));
        Assert.NotNull(taken.FieldError("Invite.Email"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AdminInvitation_OrganisationContact_StoresTheOrganisation_AndTheRulesStandNextToTheField()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var id = await Portal.CreateOrganisationAsync("Africa CERT network");
        var organisation = id.ToString(CultureInfo.InvariantCulture);
        Dictionary<string, object?> Invite(string email, string role, string? organisationId) => new()
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Amina Diallo",
            ["Input.Role"] = role,
            ["Input.OrganisationId"] = organisationId ?? "",
        };

        var page = await browser.GetAsync("/admin/invitations");
        Assert.Contains("Organisation contact", page.Document.QuerySelector("select#Input_Role")!.TextContent);
        Assert.Contains("Africa CERT network", page.Document.QuerySelector("select#Input_OrganisationId")!.TextContent);
        var missing = await browser.SubmitAsync("/admin/invitations", Invite("a@example.org", PortalRoles.OrganisationContact, null), "form#invite");
        var unknown = await browser.SubmitAsync("/admin/invitations", Invite("a@example.org", PortalRoles.OrganisationContact, "999999"), "form#invite");
        var unneeded = await browser.SubmitAsync("/admin/invitations", Invite("a@example.org", PortalRoles.Analyst, organisation), "form#invite");
        Assert.Equal("Choose the organisation an organisation contact speaks for.", missing.FieldError("Input.OrganisationId"));
        Assert.Equal("Choose an organisation from the list.", unknown.FieldError("Input.OrganisationId"));
        Assert.Equal("Only organisation contacts are bound to an organisation: leave it empty for this role.", unneeded.FieldError("Input.OrganisationId"));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Invitations.CountAsync()));

        var sent = await browser.SubmitAsync("/admin/invitations", Invite("a@example.org", PortalRoles.OrganisationContact, organisation), "form#invite");

        Assert.Equal("/admin/invitations", sent.RedirectPath);
        var invitation = await Portal.WithDbAsync(db => db.Invitations.SingleAsync());
        Assert.Equal((PortalRoles.OrganisationContact, (int?)id), (invitation.Role, invitation.OrganisationId));
        Assert.Contains("the role Organisation contact for Africa CERT network", await Portal.WithDbAsync(db => db.OutgoingMail.Select(m => m.Body).SingleAsync()));
        var row = (await browser.FollowAsync(sent)).Document.QuerySelector("main table tbody tr")!;
        Assert.Contains("Africa CERT network", row.TextContent);
        Assert.Contains("Organisation contact", row.TextContent);
    }

    [Fact]
    public async Task Accept_OrganisationContactInvitation_BindsTheAccount_GivesTheClaim_AndSignInLandsOnTheCapacityDesk()
    {
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var id = await Portal.CreateOrganisationAsync("Africa CERT network");
        await moderator.SubmitAsync($"/moderation/organisations/{id}", new Dictionary<string, object?>
        {
            ["Invite.Email"] = "poc@africacert.example.org",
            ["Invite.DisplayName"] = "Amina Diallo",
        }, "form#invite");
        var body = await Portal.WithDbAsync(db => db.OutgoingMail.Select(m => m.Body).SingleAsync());
        var token = System.Text.RegularExpressions.Regex.Match(body, @"https?://\S+/account/accept-invitation\?token=(\S+)").Groups[1].Value;
        var link = $"{InvitationLinks.AcceptPath}?token={token}";
        using var browser = Portal.NewBrowser();

        var accepted = await browser.SubmitAsync(await browser.GetAsync(link), new Dictionary<string, object?>
        {
            ["Input.DisplayName"] = "Amina Diallo",
            ["Input.NewPassword"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var user = await Portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "poc@africacert.example.org"));
        Assert.Equal(((string?)null, (int?)null, (int?)id), (user.StateIso3, user.GroupId, user.OrganisationId));
        var roles = await Portal.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([PortalRoles.OrganisationContact], roles);
        // The organisation claim makes the account a poster of capacity offers: the header links to its desk.
        var nav = (await browser.GetAsync("/norms")).Document.QuerySelector(".account-nav")!;
        Assert.NotNull(nav.QuerySelector("a[href='/my/capacity']"));
        Assert.Null(nav.QuerySelector("a[href='/my']"));
        Assert.Null(nav.QuerySelector("a[href='/moderation']"));

        using var again = Portal.NewBrowser();
        var signIn = await again.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = "poc@africacert.example.org",
            ["Input.Password"] = Password,
        });
        Assert.Equal("/my/capacity", signIn.RedirectPath);
    }

    [Fact]
    public async Task UserEdit_Administrator_GivesAndTakesTheOrganisationContactRoleWithItsOrganisation()
    {
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);
        var id = await Portal.CreateOrganisationAsync("Africa CERT network");
        var target = await Portal.CreateUserAsync(PortalRoles.Analyst);
        var url = $"/admin/users/{target.Id}";

        var missing = await browser.SubmitAsync(url, new Dictionary<string, object?> { ["Input.Roles"] = new[] { PortalRoles.OrganisationContact } });
        Assert.Equal("Choose the organisation an organisation contact speaks for.", missing.FieldError("Input.OrganisationId"));

        var given = await browser.SubmitAsync(url, new Dictionary<string, object?>
        {
            ["Input.Roles"] = new[] { PortalRoles.OrganisationContact },
            ["Input.OrganisationId"] = id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(url, given.RedirectPath);
        Assert.Equal((int?)id, await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.OrganisationId).SingleAsync()));
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Action == AuditActions.RolesChanged).Select(a => a.Details).SingleAsync());
        Assert.Contains($"Organisation: none → {id}", audit);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), (await browser.GetAsync(url)).Document.QuerySelector("select#Input_OrganisationId option[selected]")!.GetAttribute("value"));

        var taken = await browser.SubmitAsync(url, new Dictionary<string, object?> { ["Input.Roles"] = new[] { PortalRoles.Analyst } });
        Assert.Equal(url, taken.RedirectPath);
        Assert.Null(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.OrganisationId).SingleAsync()));
    }

    [Fact]
    public async Task Indexes_LinkToTheOrganisations()
    {
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var (administrator, _) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        Assert.NotNull((await moderator.GetAsync("/moderation")).Document.QuerySelector("main a[href='/moderation/organisations']"));
        Assert.NotNull((await moderator.GetAsync("/admin")).Document.QuerySelector("main a[href='/moderation/organisations']"));
        Assert.NotNull((await administrator.GetAsync("/admin")).Document.QuerySelector("main a[href='/moderation/organisations']"));
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/moderation/organisations")).Status);
    }

    private static (string Url, KeyValuePair<string, string>[] Fields)[] ForgedPosts(int organisation, string token) =>
    [
        ("/moderation/organisations", [new("__RequestVerificationToken", token), new("Input.Name", "Forged")]),
        ($"/moderation/organisations/{organisation}", [new("__RequestVerificationToken", token), new("Input.Name", "Forged")]),
        ($"/moderation/organisations/{organisation}?handler=Invite",
            [new("__RequestVerificationToken", token), new("Invite.Email", "mallory@example.org"), new("Invite.DisplayName", "Mallory")]),
    ];

    /// <summary>Refused: 403 or access denied — or, for a moderator or administrator without two-factor sign-in, its set-up.</summary>
    private static void AssertRefused(PageResponse response, string url, bool toTwoFactorSetUp)
    {
        var refused = toTwoFactorSetUp
            ? response.Status == HttpStatusCode.Redirect && response.RedirectPath!.StartsWith("/account/two-factor?required=true", StringComparison.Ordinal)
            : response.Status == HttpStatusCode.Forbidden
              || (response.Status == HttpStatusCode.Redirect && response.RedirectPath!.StartsWith("/account/access-denied", StringComparison.Ordinal));
        Assert.True(refused, $"{url} answered {(int)response.Status} {response.RedirectPath}");
    }

    private Task<string> SnapshotAsync() => Portal.WithDbAsync(async db =>
    {
        var organisations = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id + o.Name + o.Website).ToListAsync();
        return string.Join(",", organisations) + $";{await db.Invitations.CountAsync()};{await db.OutgoingMail.CountAsync()};"
            + $"{await db.AuditRecords.CountAsync(a => a.Action != AuditActions.SignIn)}";
    });
}
