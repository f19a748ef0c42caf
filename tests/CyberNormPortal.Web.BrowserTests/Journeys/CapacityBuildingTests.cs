using System.Text.RegularExpressions;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.BrowserTests.Infrastructure;
using CyberNormPortal.Web.BrowserTests.PageObjects;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CyberNormPortal.Web.BrowserTests.PageObjects.French;

namespace CyberNormPortal.Web.BrowserTests.Journeys;

/// <summary>
/// Capacity building in French, as new users do it: Senegal's contributor posts the capacity need recorded in its
/// national report on norm 13(j), the approver approves it and a moderator publishes it (Senegal is a partner); the
/// moderator registers an organisation and invites its point of contact, who sets a password and posts a matching
/// offer in French; both sides express interest (the need's side with the keyboard only), the secretariat
/// introduces them with one e-mail to both, and a visitor sees the need matched on the norm page. axe finds nothing
/// on any page the journey visits.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CapacityBuildingTests(BrowserFixture browser)
{
    private const int Norm13J = 10;
    private const string NeedText = "Former l'équipe nationale à la divulgation coordonnée des vulnérabilités";

    [Fact]
    public async Task SenegalsNeed_FromItsReport_MatchedWithAnOrganisationsOffer_InFrench()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var needTitle = $"Divulgation coordonnée des vulnérabilités au Sénégal {suffix}";
        var offerTitle = $"Formation à la divulgation coordonnée des vulnérabilités {suffix}";
        var organisationName = $"Réseau africain des CERT {suffix}";
        var contactEmail = $"awa.diallo-{suffix}@africacert.example";

        // 1. Senegal's points of contact (French speakers), a moderator, and Senegal's draft report whose 13(j)
        //    action records a capacity need.
        var contributorAccount = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Contributor], "SEN", twoFactor: false, displayName: $"Aminata Sow {suffix}");
        var approverAccount = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Approver], "SEN", twoFactor: false, displayName: $"Moussa Ndiaye {suffix}");
        var moderatorAccount = await TestAccounts.CreateAsync(browser.Services, [PortalRoles.Moderator], null, twoFactor: true);
        await PreferFrenchAsync(contributorAccount.Email, approverAccount.Email, moderatorAccount.Email);
        var (reportId, partKey, actionKey) = await SenegalsDraftReportAsync(suffix);

        // 2. The contributor follows "Post as a capacity need" from the report part to the prefilled form…
        var contributor = await browser.NewPageAsync();
        await FrenchSignIn.SignInAsync(contributor, contributorAccount.Email, contributorAccount.Password);
        await contributor.GotoAsync($"/fr/reports/work/{reportId}/parts/{partKey}");
        await contributor.AssertFrenchAndAccessibleAsync();
        var postLink = contributor.Locator($"main a[href*='/capacity/new?'][href*='side=need'][href*='report={reportId}']");
        if (Maybe(CapacityTexts.PostAsNeed) is { } linkText)
        {
            postLink = postLink.Filter(new() { HasText = linkText });
        }

        await postLink.First.ClickAsync();
        await contributor.WaitForURLAsync(new Regex($"/fr/capacity/new\\?.*report={reportId}"));
        var query = new Uri(contributor.Url).Query;
        Assert.Contains("side=need", query, StringComparison.Ordinal);
        Assert.Contains($"action={Uri.EscapeDataString(actionKey)}", query, StringComparison.Ordinal);
        var form = new CapacityFormPage(contributor);
        await contributor.AssertFrenchAndAccessibleAsync();
        Assert.True(await form.Norm(Norm13J).IsCheckedAsync(), "Norm 13(j) is not ticked on the prefilled form.");
        Assert.Contains(NeedText, await form.Description.InputValueAsync(), StringComparison.Ordinal);

        // …completes it in French and saves, then submits it for approval.
        await form.Title.FillAsync(needTitle);
        await form.ChooseLanguageAsync("fr");
        await form.Kind("Training").CheckAsync();
        await form.Visibility("Clear").CheckAsync();
        var need = await form.SaveAsync();
        var needId = need.Id;
        await contributor.AssertFrenchAndAccessibleAsync();
        await need.TakeStepAsync("Submit for approval");
        Assert.Equal(T("Awaiting approval"), (await need.Status.InnerTextAsync()).Trim());
        await contributor.AssertFrenchAndAccessibleAsync();

        // 3. The approver finds it waiting for approval and approves; Senegal is a partner, so it waits for moderation.
        var approver = await browser.NewPageAsync();
        await FrenchSignIn.SignInAsync(approver, approverAccount.Email, approverAccount.Password);
        var mine = await MyCapacityPage.OpenAsync(approver);
        await approver.AssertFrenchAndAccessibleAsync();
        var approval = await mine.OpenAsync(mine.WaitingForApproval, needTitle);
        Assert.Equal(needId, approval.Id);
        await approver.AssertFrenchAndAccessibleAsync();
        await approval.TakeStepAsync("Approve");
        Assert.Equal(T("Awaiting moderation"), (await approval.Status.InnerTextAsync()).Trim());

        // 4. A moderator (two-factor) publishes the need from the capacity queue…
        var moderator = await browser.NewPageAsync();
        await FrenchSignIn.SignInAsync(moderator, moderatorAccount.Email, moderatorAccount.Password, moderatorAccount.CurrentCode);
        var queue = await CapacityModerationPage.OpenAsync(moderator);
        await moderator.AssertFrenchAndAccessibleAsync();
        var needModeration = await queue.OpenItemAsync(needTitle);
        await moderator.AssertFrenchAndAccessibleAsync();
        await needModeration.TakeStepAsync("Publish");
        Assert.Equal(T("Open"), (await needModeration.Status.InnerTextAsync()).Trim());

        // …registers the organisation and invites its point of contact, in French.
        var organisations = await OrganisationsPage.OpenAsync(moderator);
        await moderator.AssertFrenchAndAccessibleAsync();
        await organisations.RegisterAsync(organisationName, "https://africacert.example");
        await moderator.AssertFrenchAndAccessibleAsync();
        await organisations.InviteContactAsync(contactEmail, $"Awa Diallo {suffix}", "fr");
        await moderator.AssertFrenchAndAccessibleAsync();

        // The contact sets a password from the mailed link, as a new user.
        var contact = await browser.NewPageAsync();
        var invitation = await InvitationLinkAsync(contactEmail);
        await contact.GotoAsync(invitation);
        await contact.AssertFrenchAndAccessibleAsync();
        await FrenchSignIn.AcceptInvitationAsync(contact, invitation, "une longue phrase secrète bien à moi");

        // 5. The contact posts an offer in French; an organisation's offer goes to moderation.
        await contact.GotoAsync("/fr/capacity/new?side=offer");
        var offerForm = new CapacityFormPage(contact);
        await contact.AssertFrenchAndAccessibleAsync();
        await offerForm.Title.FillAsync(offerTitle);
        await offerForm.Description.FillAsync("Un atelier de **cinq jours** pour les équipes nationales : politique de divulgation, coordination, communication.");
        await offerForm.Norm(Norm13J).CheckAsync();
        await offerForm.Kind("Training").CheckAsync();
        await offerForm.ChooseLanguageAsync("fr");
        await offerForm.Region("African").CheckAsync();
        await offerForm.AvailableFrom.FillAsync("2027-01-01");
        await offerForm.AvailableUntil.FillAsync("2027-12-31");
        await offerForm.Visibility("Clear").CheckAsync();
        var offer = await offerForm.SaveAsync();
        var offerId = offer.Id;
        await contact.AssertFrenchAndAccessibleAsync();
        await offer.TakeStepAsync("Submit for approval");
        Assert.Equal(T("Awaiting moderation"), (await offer.Status.InnerTextAsync()).Trim());

        // The moderator publishes it from the queue.
        queue = await CapacityModerationPage.OpenAsync(moderator);
        var offerModeration = await queue.OpenItemAsync(offerTitle);
        await offerModeration.TakeStepAsync("Publish");
        Assert.Equal(T("Available"), (await offerModeration.Status.InnerTextAsync()).Trim());

        // 6. The offer suggests Senegal's need, with its reasons; the contact expresses interest.
        var offerPage = await CapacityItemPage.OpenAsync(contact, offerId);
        await contact.AssertFrenchAndAccessibleAsync();
        var suggestion = await offerPage.Suggestion(needTitle).InnerTextAsync();
        Assert.Contains(T("Same norm {0}", "13(j)"), suggestion, StringComparison.Ordinal);
        // The language is named as a label ("Français"); the sentence would read "en français".
        Assert.Contains(T("Both in {0}", "français"), suggestion, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(T("Region served includes {0}", T("African States")), suggestion, StringComparison.Ordinal);
        await offerPage.ExpressInterestAsync(needTitle);
        await contact.AssertFrenchAndAccessibleAsync();

        // The contributor sees the offer suggested on the need and expresses interest with the keyboard only.
        var needPage = await CapacityItemPage.OpenAsync(contributor, needId);
        await contributor.AssertFrenchAndAccessibleAsync();
        Assert.Contains(T("Same norm {0}", "13(j)"), await needPage.Suggestion(offerTitle).InnerTextAsync(), StringComparison.Ordinal);
        await needPage.ExpressInterestWithKeyboardAsync(offerTitle);
        await contributor.AssertFrenchAndAccessibleAsync();

        // 7. The secretariat finds the match ready and introduces both sides: one mail, to both.
        queue = await CapacityModerationPage.OpenAsync(moderator);
        await moderator.AssertFrenchAndAccessibleAsync();
        var match = await queue.OpenMatchAsync(needTitle);
        await moderator.AssertFrenchAndAccessibleAsync();
        await match.TakeStepAsync("Introduce both sides");
        Assert.Equal(T("In discussion"), (await match.Status.InnerTextAsync()).Trim());
        await moderator.AssertFrenchAndAccessibleAsync();
        var introductions = await MailsToAllAsync(contributorAccount.Email, contactEmail);
        Assert.Single(introductions);

        // 8. A visitor sees the need matched on the norm page.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/fr/norms/{Norm13J}");
        var listed = visitor.Locator("main tr, main li").Filter(new() { Has = visitor.GetByRole(AriaRole.Link, new() { Name = needTitle, Exact = true }) }).First;
        Assert.Contains(T("Matched"), await listed.InnerTextAsync(), StringComparison.Ordinal);
        await visitor.AssertFrenchAndAccessibleAsync();
    }

    private async Task PreferFrenchAsync(params string[] emails)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Users.Where(u => emails.Contains(u.Email)).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "fr"));
    }

    /// <summary>
    /// A cycle of its own (closed to entries, so the other journeys' entry forms do not pick it) with the illustrative
    /// questionnaire, and Senegal's report in it as a draft whose first 13(j) action records a capacity need.
    /// </summary>
    private async Task<(int ReportId, string PartKey, string ActionKey)> SenegalsDraftReportAsync(string suffix)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cycle = new Domain.Cycles.ReportingCycle($"cap-{suffix}", $"Rapport national {suffix}", new DateOnly(2026, 1, 1), new DateOnly(2027, 3, 31), null, isOpen: false);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        var questionnaire = IllustrativeQuestionnaire.Build(cycle.Id, DateTimeOffset.UtcNow);
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync();

        var senegal = new WorkflowActor($"browser-senegal-{suffix}", "Fatou Ba", WorkflowRoles.Contributor, "SEN");
        var report = NationalReport.Start(cycle.Id, "SEN", questionnaire, senegal, DateTimeOffset.UtcNow);
        var normsPart = questionnaire.OrderedParts.Single(p => p.Kind == PartKind.Norms);
        var action = questionnaire.ActionsOf(Norm13J).First();
        report.SavePart(normsPart.Key, new PartAnswers([], [new ActionAnswer(action.Key, ChecklistStatus.InProgress, "Le CERT national reçoit les signalements.", [], null, NeedText)]), TlpLabel.Clear, senegal, DateTimeOffset.UtcNow);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return (report.Id, normsPart.Key, action.Key);
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var body = await db.OutgoingMail.Where(m => m.To == email).Select(m => m.Body).SingleAsync();
        return new Uri(InvitationLink().Match(body).Value).PathAndQuery;
    }

    /// <summary>The queued mails addressed to every one of <paramref name="addresses"/> at once.</summary>
    private async Task<List<string>> MailsToAllAsync(params string[] addresses)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var mails = await db.OutgoingMail.AsNoTracking().Where(m => m.To.Contains(addresses[0])).Select(m => m.To).ToListAsync();
        return mails.Where(to => addresses.All(a => to.Split(',', StringSplitOptions.TrimEntries).Contains(a, StringComparer.OrdinalIgnoreCase))).ToList();
    }

    [GeneratedRegex(@"https?://\S+/account/accept-invitation\?token=\S+")]
    private static partial Regex InvitationLink();
}
