using System.Net;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Capacity;

/// <summary>
/// Posting needs and offers through the pages, as their users do: four eyes, member and partner States, an
/// organisation's offer through moderation, a need from a national report, validation and conflicts that lose nothing
/// typed, and the mails each step sends, each in its recipient's language.
/// </summary>
public sealed class CapacityPostingTests(PortalFixture portal) : PortalTest(portal)
{
    private static Dictionary<string, object?> Need(string title = "Training for our CSIRT") => new()
    {
        ["Input.Title"] = title,
        ["Input.Description"] = "Our incident handlers need **training**.",
        ["Input.Norms"] = new[] { "10" },
        ["Input.Kinds"] = new[] { "Training", "Mentoring" },
        ["Input.Languages"] = new[] { "fr" },
        ["Input.Timing"] = "First half of 2027",
        ["Input.Visibility"] = "Green",
    };

    private static Dictionary<string, object?> Offer(string title = "Incident-handling courses in French") => new()
    {
        ["Input.Title"] = title,
        ["Input.Description"] = "Two-week courses.",
        ["Input.Norms"] = new[] { "10" },
        ["Input.Kinds"] = new[] { "Training" },
        ["Input.Languages"] = new[] { "fr" },
        ["Input.Regions"] = new[] { "African" },
        ["Input.AvailableFrom"] = "2027-01-01",
        ["Input.AvailableUntil"] = "2027-12-31",
        ["Input.Visibility"] = "Clear",
    };

    private static int IdOf(PageResponse response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        var path = response.RedirectPath!;
        Assert.StartsWith("/capacity/work/", path, StringComparison.Ordinal);
        return int.Parse(path["/capacity/work/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<EntryStatus> StatusAsync(int id) => Portal.WithDbAsync(db => db.CapacityItems.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());

    private Task<List<(string To, string Subject, string Language, string Body)>> MailAsync() => Portal.WithDbAsync(async db =>
        (await db.OutgoingMail.OrderBy(m => m.Id).Select(m => new { m.To, m.Subject, m.Language, m.Body }).ToListAsync())
        .Select(m => (m.To, m.Subject, m.Language, m.Body)).ToList());

    [Fact]
    public async Task FourEyes_TheApproverWhoSavedLast_CannotApprove_AnotherApproverPublishesAMembersNeed()
    {
        var first = await Portal.CreateUserAsync(PortalRoles.Approver, "FRA");
        var second = await Portal.CreateUserAsync(PortalRoles.Approver, "FRA");
        await Portal.SetPreferredLanguageAsync(second, "fr");
        using var asFirst = await Portal.SignInAsync(first);
        using var asSecond = await Portal.SignInAsync(second);

        var id = IdOf(await asFirst.SubmitAsync("/capacity/new?side=need", Need()));
        var submitted = await asFirst.SubmitAsync($"/capacity/work/{id}", formSelector: "#action-submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(id));
        var toSecond = Assert.Single(await MailAsync(), m => m.To == second.Email);
        Assert.Equal("fr", toSecond.Language);
        Assert.StartsWith("Pour approbation", toSecond.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(await MailAsync(), m => m.To == first.Email);

        var page = await asFirst.GetAsync($"/capacity/work/{id}");
        Assert.Null(page.Document.QuerySelector("#action-approve"));
        var forged = await asFirst.PostWithTokenAsync($"/capacity/work/{id}", [new("action", "Approve"), new("Version", page.InputValue("Version")!)]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Contains("another person must approve it", forged.Text, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(id));

        var approved = await asSecond.SubmitAsync($"/capacity/work/{id}", formSelector: "#action-approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(EntryStatus.Published, await StatusAsync(id));
        var published = Assert.Single(await MailAsync(), m => m.To == first.Email);
        Assert.Equal("Published: “Training for our CSIRT”", published.Subject);
        Assert.Contains($"/en/capacity/{id}", published.Body, StringComparison.Ordinal);
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Subject == $"capacity:{id}").Select(a => a.Action).ToListAsync());
        // Publication announces the item's suggestions once (CapacityMatchService.AnnounceSuggestionsAsync).
        Assert.Equal(["capacity-created", "capacity-submit", "capacity-approve", AuditActions.CapacityAnnounced], audit);
    }

    [Fact]
    public async Task PartnerStatesNeed_Approved_GoesToModeration_AndAModeratorPublishesIt()
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        var approver = await Portal.CreateUserAsync(PortalRoles.Approver, "KEN");
        var moderator = await Portal.CreateUserAsync(PortalRoles.Moderator);
        await Portal.SetPreferredLanguageAsync(moderator, "es");
        using var asContributor = await Portal.SignInAsync(contributor);
        using var asApprover = await Portal.SignInAsync(approver);
        using var asModerator = await Portal.SignInAsync(moderator);

        var id = IdOf(await asContributor.SubmitAsync("/capacity/new?side=need", Need()));
        await asContributor.SubmitAsync($"/capacity/work/{id}", formSelector: "#action-submit");
        await asApprover.SubmitAsync($"/capacity/work/{id}", formSelector: "#action-approve");

        Assert.Equal(EntryStatus.AwaitingModeration, await StatusAsync(id));
        var toModerator = Assert.Single(await MailAsync(), m => m.To == moderator.Email);
        Assert.Equal("es", toModerator.Language);
        Assert.StartsWith("Para moderación", toModerator.Subject, StringComparison.Ordinal);

        var published = await asModerator.SubmitAsync($"/capacity/work/{id}", formSelector: "#action-publish");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        Assert.Equal(EntryStatus.Published, await StatusAsync(id));
        Assert.Contains(await MailAsync(), m => m.To == contributor.Email && m.Subject.StartsWith("Published", StringComparison.Ordinal));
        Assert.Contains(await MailAsync(), m => m.To == approver.Email && m.Subject.StartsWith("Published", StringComparison.Ordinal));
        var work = await asContributor.GetAsync($"/capacity/work/{id}");
        Assert.NotNull(work.Document.QuerySelector($"a[href$='/capacity/{id}']"));
    }

    [Fact]
    public async Task OrganisationsOffer_GoesToModeration_AModeratorPublishesIt_AndItsContactsHear()
    {
        var organisation = await Portal.CreateOrganisationAsync();
        var contact = await Portal.CreateOrganisationContactAsync(organisation);
        var colleague = await Portal.CreateOrganisationContactAsync(organisation);
        await Portal.SetPreferredLanguageAsync(colleague, "ru");
        var stranger = await Portal.CreateOrganisationContactAsync(await Portal.CreateOrganisationAsync("Another foundation"));
        var moderator = await Portal.CreateUserAsync(PortalRoles.Moderator);
        using var asContact = await Portal.SignInAsync(contact);
        using var asModerator = await Portal.SignInAsync(moderator);

        var mine = await asContact.GetAsync("/my/capacity");
        Assert.Null(mine.Document.QuerySelector("a[href$='/capacity/new?side=need']"));
        Assert.NotNull(mine.Document.QuerySelector("a[href$='/capacity/new?side=offer']"));
        var need = await asContact.GetAsync("/capacity/new?side=need");
        Assert.Equal(HttpStatusCode.Forbidden, need.Status);
        Assert.Contains("Only a State posts a capacity need.", need.Text, StringComparison.Ordinal);

        var id = IdOf(await asContact.SubmitAsync("/capacity/new?side=offer", Offer()));
        await asContact.SubmitAsync($"/capacity/work/{id}", formSelector: "#action-submit");
        Assert.Equal(EntryStatus.AwaitingModeration, await StatusAsync(id));
        Assert.Contains(await MailAsync(), m => m.To == moderator.Email && m.Subject.StartsWith("For moderation", StringComparison.Ordinal));

        await asModerator.SubmitAsync($"/capacity/work/{id}", formSelector: "#action-publish");

        Assert.Equal(EntryStatus.Published, await StatusAsync(id));
        var mail = await MailAsync();
        var toColleague = Assert.Single(mail, m => m.To == colleague.Email && m.Language == "ru");
        Assert.StartsWith("Опубликовано", toColleague.Subject, StringComparison.Ordinal);
        Assert.Contains(mail, m => m.To == contact.Email);
        Assert.DoesNotContain(mail, m => m.To == stranger.Email);
        var item = await Portal.WithDbAsync(db => db.CapacityItems.SingleAsync(i => i.Id == id));
        Assert.Equal((CapacitySide.Offer, (string?)null, (int?)organisation), (item.Side, item.StateIso3, item.OrganisationId));
        Assert.Equal([Domain.States.RegionalGroup.African], item.Regions);
        Assert.Equal(new DateOnly(2027, 12, 31), item.AvailableUntil);
    }

    [Fact]
    public async Task Return_WithAReason_MailsTheOwnersContactsInTheirLanguage_AndWithoutOneIsRefusedAtTheField()
    {
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "KEN");
        await Portal.SetPreferredLanguageAsync(contributor, "fr");
        var approver = await Portal.CreateUserAsync(PortalRoles.Approver, "KEN");
        var id = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "KEN", status: EntryStatus.Submitted);
        using var asApprover = await Portal.SignInAsync(approver);

        var withoutReason = await asApprover.SubmitAsync($"/capacity/work/{id}", new Dictionary<string, object?> { ["reason"] = "" }, "#action-return");
        Assert.Equal(HttpStatusCode.OK, withoutReason.Status);
        Assert.NotNull(withoutReason.Document.QuerySelector("#reason-return-error"));
        Assert.Equal(EntryStatus.Submitted, await StatusAsync(id));

        var returned = await asApprover.SubmitAsync($"/capacity/work/{id}", new Dictionary<string, object?> { ["reason"] = "Name the norm's actions." }, "#action-return");

        Assert.Equal(HttpStatusCode.Redirect, returned.Status);
        Assert.Equal(EntryStatus.Draft, await StatusAsync(id));
        var mail = Assert.Single(await MailAsync(), m => m.To == contributor.Email);
        Assert.Equal("fr", mail.Language);
        Assert.StartsWith("Renvoyé", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Name the norm's actions.", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationErrors_StandNextToTheirFields_AndKeepWhatWasTyped()
    {
        using var browser = (await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN")).Browser;
        var fields = Need();
        fields["Input.Norms"] = null;
        fields["Input.Kinds"] = null;
        fields["Input.Timing"] = new string('t', Web.Data.FieldLengths.CapacityTiming + 1);

        var page = await browser.SubmitAsync("/capacity/new?side=need", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Choose at least one norm.", page.FieldError("Input.Norms"));
        Assert.Equal("Choose at least one kind of help.", page.FieldError("Input.Kinds"));
        Assert.NotNull(page.FieldError("Input.Timing"));
        Assert.Equal("Training for our CSIRT", page.InputValue("Input.Title"));
        Assert.Equal("Our incident handlers need **training**.", page.InputValue("Input.Description"));
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.Languages'][value='fr']:checked"));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.CapacityItems.CountAsync()));
    }

    [Fact]
    public async Task TwoContributorsSaveTheSameDraft_TheSecondIsToldAndKeepsWhatTheyTyped()
    {
        var id = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "KEN", status: EntryStatus.Draft);
        using var first = (await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN")).Browser;
        using var second = (await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN")).Browser;
        var firstPage = await first.GetAsync($"/capacity/work/{id}");
        var secondPage = await second.GetAsync($"/capacity/work/{id}");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, new Dictionary<string, object?> { ["Input.Title"] = "The first one's title" })).Status);
        var conflict = await second.SubmitAsync(secondPage, new Dictionary<string, object?> { ["Input.Title"] = "The second one's title" });

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains("saved this while you were editing it", conflict.Text, StringComparison.Ordinal);
        Assert.Equal("The second one's title", conflict.InputValue("Input.Title"));
        Assert.Equal("The first one's title", await Portal.WithDbAsync(db => db.CapacityItems.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));

        var again = await second.SubmitAsync(conflict, formSelector: "form[action*='handler=Save']");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("The second one's title", await Portal.WithDbAsync(db => db.CapacityItems.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task NeedFromTheNationalReport_IsPrefilled_RemembersItsSource_AndIsOnlyForTheStatesContributors()
    {
        var cycle = await Portal.OpenCycleAsync("Reporting 2026");
        await Portal.CreateQuestionnaireAsync(cycle);
        var report = await Portal.CreateReportAsync("SEN", cycle);
        var (actionKey, actionText, partKey) = await Portal.WithDbAsync(async db =>
        {
            var tracked = await db.Reports.Include(r => r.Parts).SingleAsync(r => r.Id == report);
            var questionnaire = await db.Questionnaires.Include(q => q.Parts).Include(q => q.Actions).SingleAsync(q => q.Id == tracked.QuestionnaireId);
            var action = questionnaire.ActionsOf(10).First();
            var part = questionnaire.Parts.Single(p => p.Kind == PartKind.Norms);
            var answers = tracked.Part(part.Key).Answers;
            var contributor = new WorkflowActor("contributor-SEN", "Contributor of SEN", WorkflowRoles.Contributor, "SEN");
            tracked.SavePart(part.Key, new PartAnswers(answers.Questions,
                answers.Actions.Select(a => a.ActionKey == action.Key ? a with { CapacityNeeds = "Formation des analystes du CERT national." } : a)),
                tracked.Part(part.Key).Visibility, contributor, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return (action.Key, action.Text, part.Key);
        });
        var contributor = await Portal.CreateUserAsync(PortalRoles.Contributor, "SEN");
        using var browser = await Portal.SignInAsync(contributor);
        var prefilled = $"/capacity/new?side=need&report={report}&action={Uri.EscapeDataString(actionKey)}";

        var part = await browser.GetAsync($"/reports/work/{report}/parts/{partKey}");
        Assert.NotNull(part.Document.QuerySelector($"a[href$='{prefilled.Replace("&", "&", StringComparison.Ordinal)}']"));
        var form = await browser.GetAsync(prefilled);

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("Formation des analystes du CERT national.", form.InputValue("Input.Description"));
        Assert.Equal(actionText.Length > 200 ? actionText[..200].TrimEnd() : actionText, form.InputValue("Input.Title"));
        Assert.NotNull(form.Document.QuerySelector("input[name='Input.Norms'][value='10']:checked"));
        Assert.NotNull(form.Document.QuerySelector($"input[name='Input.ActionKeys'][value='{actionKey}']:checked"));

        var id = IdOf(await browser.SubmitAsync(form, new Dictionary<string, object?> { ["Input.Kinds"] = new[] { "Training" } }));
        var item = await Portal.WithDbAsync(db => db.CapacityItems.SingleAsync(i => i.Id == id));
        Assert.Equal((report, actionKey, "SEN"), (item.SourceReportId!.Value, item.SourceActionKey!, item.StateIso3!));
        Assert.Equal([actionKey], item.ActionKeys);

        using var other = (await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN")).Browser;
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(prefilled)).Status);
        var forged = await other.PostWithTokenAsync("/capacity/new",
            [.. Authorization.CapacityAuthorizationMatrixTests.Fields(CapacitySide.Need), new("SourceReportId", report.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("SourceActionKey", actionKey)]);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.CapacityItems.CountAsync()));
    }

    [Fact]
    public async Task MyCapacity_ListsOurItems_WhatWaitsForTheApprover_AndOurMatches()
    {
        var approver = await Portal.CreateUserAsync(PortalRoles.Approver, "KEN");
        var draft = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "KEN", status: EntryStatus.Draft, title: "Our draft need");
        var submitted = await Portal.CreateCapacityItemAsync(CapacitySide.Need, "KEN", status: EntryStatus.Submitted, title: "Our submitted need");
        await Portal.CreateCapacityItemAsync(CapacitySide.Need, "FRA", status: EntryStatus.Draft, title: "France's need");
        using var browser = await Portal.SignInAsync(approver);

        var page = await browser.GetAsync("/my/capacity");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector($"#waiting-heading ~ ul a[href$='/capacity/work/{submitted}']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href$='/capacity/work/{draft}']"));
        Assert.DoesNotContain("France's need", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href$='/capacity/new?side=need']"));
    }
}
