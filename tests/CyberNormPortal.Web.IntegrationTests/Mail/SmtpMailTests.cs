using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Mail;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.IntegrationTests.Mail;

/// <summary>
/// Every notification as its recipient gets it: the portal's queue is delivered by the mail sender to a real SMTP server
/// on a loopback port, and the test reads what the server received (recipients, subject, body) and follows the link in
/// the body as the recipient, in their own browser. The other tests keep mail in the queue, so they stay as fast.
/// </summary>
public sealed class SmtpMailTests(PortalFixture portal) : PortalTest(portal)
{
    private const string Title = "Kenya's national CSIRT";

    [Fact]
    public async Task Submitted_MailsTheStatesOtherApprovers_WithALinkThatOpensTheirReviewPage()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN", PortalRoles.Approver);
        var (approver, approverUser) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        await Portal.CreateUserAsync(PortalRoles.Approver, "FRA");
        var id = await Portal.CreateEntryAsync(author, title: Title);

        await contributor.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Submit), "#action-submit");
        await DeliverAsync(smtp.Options());

        var mail = Assert.Single(smtp.Received);
        Assert.Equal([approverUser.Email], mail.Recipients); // not the author, though an approver too; not another State's
        Assert.Equal($"For your review: {Title}", mail.Subject);
        Assert.Contains($"{author.DisplayName} submitted \"{Title}\" for review.", mail.Body);
        var review = await approver.GetAsync(mail.Link($"/entries/{id}/review"));
        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.NotNull(review.Document.QuerySelector("#action-approve"));
    }

    [Fact]
    public async Task ApprovedForAPartnerState_MailsTheModeratorsWithTwoFactor_WithALinkThatOpensTheirReviewPage()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var author = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var (moderator, moderatorUser) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var secondModerator = await Portal.CreateUserAsync(PortalRoles.Moderator);
        // Holds the role but has not set up two-factor sign-in: does not act as a moderator, so is not mailed.
        await Portal.CreateUserAsync(PortalRoles.Moderator, twoFactor: false);
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Submitted, title: Title);

        await approver.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Approve), "#action-approve");
        await DeliverAsync(smtp.Options());

        Assert.Equal(
            new[] { moderatorUser.Email, secondModerator.Email }.Order(),
            smtp.Received.SelectMany(m => m.Recipients).Order());
        var mail = smtp.Received.First(m => m.Recipients.Contains(moderatorUser.Email));
        Assert.Equal($"Awaiting moderation: {Title}", mail.Subject);
        var review = await moderator.GetAsync(mail.Link($"/entries/{id}/review"));
        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.NotNull(review.Document.QuerySelector("#action-publish"));
    }

    [Fact]
    public async Task Returned_MailsTheAuthorTheReason_WithALinkThatOpensTheirEditForm()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var (contributor, author) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (approver, _) = await Portal.SignInAsAsync(PortalRoles.Approver, "KEN");
        var id = await Portal.CreateEntryAsync(author, EntryStatus.Submitted, title: Title);

        await approver.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Return, "Please name the responsible ministry."), "#action-return");
        await DeliverAsync(smtp.Options());

        var mail = Assert.Single(smtp.Received);
        Assert.Equal([author.Email], mail.Recipients);
        Assert.Equal($"Returned to you: {Title}", mail.Subject);
        Assert.Contains("Please name the responsible ministry.", mail.Body);
        var edit = await contributor.GetAsync(mail.Link($"/entries/{id}/edit"));
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Equal(Title, edit.InputValue("Input.Title"));
    }

    [Fact]
    public async Task Published_MailsTheAuthor_WithALinkThatOpensThePublishedEntry()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var author = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var (moderator, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var id = await Portal.CreateEntryAsync(author, EntryStatus.AwaitingModeration, title: Title);

        await moderator.SubmitAsync($"/entries/{id}/review", Step(WorkflowAction.Publish), "#action-publish");
        await DeliverAsync(smtp.Options());

        var mail = Assert.Single(smtp.Received);
        Assert.Equal([author.Email], mail.Recipients);
        Assert.Equal($"Published: {Title}", mail.Subject);
        using var visitor = Portal.NewBrowser();
        var entry = await visitor.GetAsync(mail.Link($"/entries/{id}"));
        Assert.Equal(HttpStatusCode.OK, entry.Status);
        Assert.Contains(Title, entry.Text);
    }

    [Fact]
    public async Task Invitation_MailsTheInvitee_TheLifetimeAndALinkThatOpensTheAcceptForm()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var (admin, adminUser) = await Portal.SignInAsAsync(PortalRoles.Administrator);

        await admin.SubmitAsync("/admin/invitations", new Dictionary<string, object?>
        {
            ["Input.Email"] = "ada@example.org",
            ["Input.DisplayName"] = "Ada Lovelace",
            ["Input.Role"] = PortalRoles.Approver,
            ["Input.StateIso3"] = "KEN",
        }, "form#invite");
        await DeliverAsync(smtp.Options());

        var mail = Assert.Single(smtp.Received);
        Assert.Equal(["ada@example.org"], mail.Recipients);
        Assert.Equal("Your invitation to CyberNormPortal", mail.Subject);
        Assert.Contains($"{adminUser.DisplayName} has invited you to CyberNormPortal with the role Approver for Kenya.", mail.Body);
        Assert.Contains($"The link expires in {Invitation.Lifetime.TotalDays} days", mail.Body);
        using var invitee = Portal.NewBrowser();
        var form = await invitee.GetAsync(mail.Link("/account/accept-invitation"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.NotNull(form.Document.QuerySelector("input[name='Input.NewPassword']"));
        Assert.Equal("Ada Lovelace", form.InputValue("Input.DisplayName"));
    }

    [Fact]
    public async Task PasswordReset_MailsTheAccount_WithALinkThatOpensTheResetForm()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = Portal.NewBrowser();

        await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, object?> { ["Input.Email"] = user.Email });
        await DeliverAsync(smtp.Options());

        var mail = Assert.Single(smtp.Received);
        Assert.Equal([user.Email], mail.Recipients);
        Assert.Equal("Reset your CyberNormPortal password", mail.Subject);
        Assert.Contains("within 2 hours", mail.Body);
        var form = await browser.GetAsync(mail.Link("/account/reset-password"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.NotNull(form.Document.QuerySelector("input[name='Input.NewPassword']"));
    }

    [Fact]
    public async Task ServerRequiringAuthentication_RefusesWithoutCredentials_AndAcceptsWithThem()
    {
        await using var smtp = await TestSmtpServer.StartAsync(login: ("portal", "relay-secret"));
        var id = await QueueAsync("ada@example.org", "Authenticated relay");

        await DeliverAsync(smtp.Options());
        Assert.Empty(smtp.Received);
        var failed = await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync(m => m.Id == id));
        Assert.Null(failed.SentAt);
        Assert.Contains("authentication", failed.LastError, StringComparison.OrdinalIgnoreCase);
        await Portal.WithDbAsync(db => db.OutgoingMail.Where(m => m.Id == id)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        await DeliverAsync(smtp.Options(configure: o => (o.UserName, o.Password) = ("portal", "wrong")));
        Assert.Empty(smtp.Received);
        await Portal.WithDbAsync(db => db.OutgoingMail.Where(m => m.Id == id)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        await DeliverAsync(smtp.Options(configure: o => (o.UserName, o.Password) = ("portal", "relay-secret")));
        var mail = Assert.Single(smtp.Received);
        Assert.False(mail.OverTls);
        Assert.Equal("portal", mail.AuthenticatedUser);
        Assert.Equal(["ada@example.org"], mail.Recipients);
        Assert.NotNull((await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync(m => m.Id == id))).SentAt);
    }

    [Fact]
    public async Task StartTls_WithASelfSignedCertificate_IsRefusedUnlessThatCertificateIsPinned()
    {
        using var certificate = TestSmtpServer.CreateSelfSignedCertificate();
        await using var smtp = await TestSmtpServer.StartAsync(certificate);
        var id = await QueueAsync("ada@example.org", "Over TLS");

        await DeliverAsync(smtp.Options(SecureSocketOptions.StartTls));
        Assert.Empty(smtp.Received);
        Assert.Contains("certificate", (await Portal.WithDbAsync(db => db.OutgoingMail.SingleAsync(m => m.Id == id))).LastError, StringComparison.OrdinalIgnoreCase);
        await Portal.WithDbAsync(db => db.OutgoingMail.Where(m => m.Id == id)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));

        var thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        await DeliverAsync(smtp.Options(SecureSocketOptions.StartTls, o => o.TrustedCertificateThumbprint = thumbprint));

        var mail = Assert.Single(smtp.Received);
        Assert.True(mail.OverTls);
        Assert.Equal("Over TLS", mail.Subject);
    }

    [Fact]
    public async Task PortalConfiguredForSmtp_SendsOverStartTlsWithAuthentication_FromItsSettings()
    {
        using var certificate = TestSmtpServer.CreateSelfSignedCertificate();
        await using var smtp = await TestSmtpServer.StartAsync(certificate, ("portal", "relay-secret"));
        await using var host = Portal.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "StartTls");
            builder.UseSetting("Mail:Smtp:UserName", "portal");
            builder.UseSetting("Mail:Smtp:Password", "relay-secret");
            builder.UseSetting("Mail:Smtp:TrustedCertificateThumbprint", certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
            builder.UseSetting("Mail:PollInterval", "00:00:00.200");
        });
        var user = await Portal.CreateUserAsync(PortalRoles.Analyst);
        using var browser = host.NewBrowser();

        await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, object?> { ["Input.Email"] = user.Email });

        // The portal's own background sender delivers it: no test code in between.
        var mail = await smtp.WaitForAsync(m => m.Recipients.Contains(user.Email), TimeSpan.FromSeconds(30));
        Assert.True(mail.OverTls);
        Assert.Equal("portal", mail.AuthenticatedUser);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(mail.Link("/account/reset-password"))).Status);
    }

    private static Dictionary<string, object?> Step(WorkflowAction action, string? reason = null) => new()
    {
        ["action"] = action.ToString(),
        ["reason"] = reason,
    };

    /// <summary>One run of the portal's mail sender over what is queued, through <paramref name="options"/>.</summary>
    private Task<int> DeliverAsync(MailOptions options) =>
        new MailSender(
                Portal.Factory.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), TimeProvider.System,
                NullLogger<MailSender>.Instance)
            .SendDueAsync(CancellationToken.None);

    private Task<long> QueueAsync(string to, string subject) =>
        Portal.WithDbAsync(async db =>
        {
            var mail = new OutgoingMail(to, subject, "Hello.", DateTimeOffset.UtcNow.AddSeconds(-1));
            db.OutgoingMail.Add(mail);
            await db.SaveChangesAsync();
            return mail.Id;
        });
}
