using System.Text.RegularExpressions;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.BrowserTests.Infrastructure;
using CyberNormPortal.Web.BrowserTests.PageObjects;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CyberNormPortal.Web.BrowserTests.Journeys;

/// <summary>
/// The whole life of a partner State's entry in a real browser: an administrator invites Kenya's points of
/// contact, they set their passwords from the e-mailed links, one drafts and submits, the other returns it and
/// later approves it, a moderator publishes it, and a visitor reads it on the norm page and in the synthesis.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportingAnEntryTests(BrowserFixture browser)
{
    private const string Title = "KE-CIRT/CC coordinates the national incident response";

    [Fact]
    public async Task PartnerStateEntry_FromInvitationToPublication()
    {
        await OpenCycleAsync();
        var admin = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Administrator], null, twoFactor: true);
        var moderatorAccount = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Moderator], null, twoFactor: true);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var contributorEmail = $"wanjiru-{suffix}@ict.go.ke";
        var approverEmail = $"otieno-{suffix}@ict.go.ke";

        // The administrator invites Kenya's contributor and approver.
        var adminPage = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(adminPage)).SignInAsync(admin.Email, admin.Password, admin.CurrentCode);
        var invitations = await InvitationsPage.OpenAsync(adminPage);
        await adminPage.AssertNoAxeViolationsAsync();
        await invitations.InviteAsync(contributorEmail, "Wanjiru Kamau", PortalRoles.Contributor, "KEN");
        await invitations.InviteAsync(approverEmail, "Peter Otieno", PortalRoles.Approver, "KEN");

        // Each sets a password from the link in their mail.
        var contributor = await AcceptAsync(contributorEmail);
        var approver = await AcceptAsync(approverEmail);

        // The contributor drafts, previews and submits.
        await contributor.GetByRole(AriaRole.Link, new() { Name = "My entries" }).ClickAsync();
        await contributor.GetByRole(AriaRole.Link, new() { Name = "New entry" }).ClickAsync();
        var form = new EntryFormPage(contributor);
        await form.FillAsync(
            "Norm 3 – Do not allow your territory to be used for wrongful acts", Title,
            "The national CIRT coordinates the response to incidents affecting Kenya.",
            "The centre works under the **Communications Authority**.\n\n- 24/7 hotline\n- sector CSIRTs",
            "Implementation step", "Institutions and CERT/CSIRT");
        await form.PreviewAsync();
        Assert.Equal("Communications Authority", await form.Preview.Locator("strong").InnerTextAsync());
        await contributor.AssertNoAxeViolationsAsync();
        var submitted = await form.SaveAndSubmitAsync();
        Assert.Equal("Submitted for review", await submitted.Status.InnerTextAsync());
        await contributor.AssertNoAxeViolationsAsync();

        // The approver returns it with a reason.
        var review = await OpenFromQueueAsync(approver, "/review");
        await approver.AssertNoAxeViolationsAsync();
        await review.ReturnAsync("Please say which ministry oversees the centre.");

        // The contributor sees why, edits and resubmits.
        await contributor.GotoAsync("/my");
        Assert.Contains("Please say which ministry oversees the centre.", await contributor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await contributor.AssertNoAxeViolationsAsync();
        await contributor.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        var edit = await new EntryReviewPage(contributor).EditAsync();
        await edit.SetSummaryAsync("The national CIRT, overseen by the Ministry of ICT, coordinates the response to incidents affecting Kenya.");
        await edit.SaveAndSubmitAsync();

        // The approver approves; Kenya is a partner State, so it goes to moderation.
        review = await OpenFromQueueAsync(approver, "/review");
        await review.TakeStepAsync("Approve", "Approved. It now waits for a moderator.");
        Assert.Equal("Awaiting moderation", await review.Status.InnerTextAsync());

        // A moderator publishes it.
        var moderator = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(moderator)).SignInAsync(moderatorAccount.Email, moderatorAccount.Password, moderatorAccount.CurrentCode);
        var moderation = await OpenFromQueueAsync(moderator, "/moderation");
        await moderator.AssertNoAxeViolationsAsync();
        await moderation.TakeStepAsync("Publish", "Published.");
        Assert.Equal("Published", await moderation.Status.InnerTextAsync());

        // A visitor reads it on the norm page and in the synthesis.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/norms/3");
        await visitor.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        Assert.Contains("overseen by the Ministry of ICT", await visitor.Locator(".entry__summary").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.AssertNoAxeViolationsAsync();
        await visitor.GotoAsync("/synthesis?region=African");
        Assert.Contains(Title, await visitor.Locator("section#norm-3").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.AssertNoAxeViolationsAsync();
    }

    private async Task<IPage> AcceptAsync(string email)
    {
        var link = await InvitationLinkAsync(email);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link);
        await page.AssertNoAxeViolationsAsync();
        await new AcceptInvitationPage(page).AcceptAsync("a long and private passphrase");
        return page;
    }

    private static async Task<EntryReviewPage> OpenFromQueueAsync(IPage page, string queue)
    {
        await page.GotoAsync(queue);
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await page.WaitForURLAsync("**/review");
        return new EntryReviewPage(page);
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var body = await db.OutgoingMail.Where(m => m.To == email).Select(m => m.Body).SingleAsync();
        return new Uri(InvitationLink().Match(body).Value).PathAndQuery;
    }

    private async Task OpenCycleAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!await db.Cycles.AnyAsync(c => c.IsOpen))
        {
            db.Cycles.Add(new Domain.Cycles.ReportingCycle("browser-2026", "Annual reporting 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, isOpen: true));
            await db.SaveChangesAsync();
        }
    }

    [GeneratedRegex(@"https?://\S+/account/accept-invitation\?token=\S+")]
    private static partial Regex InvitationLink();
}
