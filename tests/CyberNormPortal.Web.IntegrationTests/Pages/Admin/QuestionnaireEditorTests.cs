using System.Net;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Pages.Admin;

public sealed class QuestionnaireEditorTests(PortalFixture portal) : PortalTest(portal)
{
    private static string PageOf(int cycle) => $"/admin/cycles/{cycle}/questionnaire";

    private Task<Questionnaire> LatestAsync(int cycle) => Portal.WithDbAsync(db => db.Questionnaires.AsNoTracking()
        .Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery()
        .Where(q => q.CycleId == cycle).OrderByDescending(q => q.Version).FirstAsync());

    private Task<int> AuditCountAsync() =>
        Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.QuestionnaireChanged));

    [Fact]
    public async Task Create_Moderator_MakesTheFourDefaultPartsInTheirLanguage_AndAudits()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var empty = await browser.GetAsync($"/fr{PageOf(cycle)}");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        var created = await browser.SubmitAsync(empty, formSelector: "#create-form");

        Assert.Equal($"/fr{PageOf(cycle)}", created.RedirectPath);
        var questionnaire = await LatestAsync(cycle);
        Assert.Equal(1, questionnaire.Version);
        Assert.Equal(["Droit international", "Normes de comportement responsable des États", "Mesures de confiance", "Renforcement des capacités"],
            questionnaire.OrderedParts.Select(p => p.Title));
        Assert.Equal(1, await AuditCountAsync());
        var page = await browser.FollowAsync(created);
        Assert.Contains("Droit international", page.Text);
        Assert.NotNull(page.Document.QuerySelector("#question-form"));
    }

    [Fact]
    public async Task EachForm_Moderator_AddsEditsAndRemovesPartsQuestionsAndActions()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        await browser.SubmitAsync(PageOf(cycle), formSelector: "#create-form");
        var parts = (await LatestAsync(cycle)).OrderedParts.ToList();
        var law = parts[0].Key;

        var part = await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?>
        {
            ["Part.Kind"] = nameof(PartKind.Other),
            ["Part.Title"] = "National context",
            ["Part.Guidance"] = "Say **who** coordinates. <script>alert(1)</script>",
        }, "#part-form");
        Assert.Equal(PageOf(cycle), part.RedirectPath);
        var added = (await LatestAsync(cycle)).OrderedParts.Last();
        Assert.Equal((PartKind.Other, "National context"), (added.Kind, added.Title));

        var page = await browser.GetAsync(PageOf(cycle));
        Assert.NotNull(page.Document.QuerySelector($"#part-{added.Key} ~ .prose strong"));
        Assert.Null(page.Document.QuerySelector("main script"));

        var editedPart = await browser.SubmitAsync($"{PageOf(cycle)}?edit={added.Key}", new Dictionary<string, object?>
        {
            ["Part.Title"] = "National context and coordination",
        }, "#part-form");
        Assert.Equal(PageOf(cycle), editedPart.RedirectPath);

        var question = await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?>
        {
            ["Question.PartKey"] = law,
            ["Question.Kind"] = nameof(QuestionKind.SingleChoice),
            ["Question.Text"] = "Has your State a national position?",
            ["Question.Options"] = "Published\nIn preparation\n\nNone",
        }, "#question-form");
        Assert.Equal(PageOf(cycle), question.RedirectPath);
        var asked = (await LatestAsync(cycle)).Part(law).Questions.Single();
        Assert.Equal(["Published", "In preparation", "None"], asked.Options);

        await browser.SubmitAsync($"{PageOf(cycle)}?edit={asked.Key}", new Dictionary<string, object?>
        {
            ["Question.Kind"] = nameof(QuestionKind.YesNo),
            ["Question.Text"] = "Has your State published a national position?",
            ["Question.Options"] = "",
        }, "#question-form");

        var action = await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?>
        {
            ["Checklist.NormNumber"] = "3",
            ["Checklist.Text"] = "Have a channel for notifications from other States.",
            ["Checklist.Source"] = "A/76/135, annex",
        }, "#action-form");
        Assert.Equal(PageOf(cycle), action.RedirectPath);
        var listed = (await LatestAsync(cycle)).ActionsOf(3).Single();
        await browser.SubmitAsync($"{PageOf(cycle)}?edit={listed.Key}", new Dictionary<string, object?>
        {
            ["Checklist.Text"] = "Have a channel to receive notifications.",
            ["Checklist.Source"] = "A/76/135, annex, para 3",
        }, "#action-form");

        var questionnaire = await LatestAsync(cycle);
        Assert.Equal("National context and coordination", questionnaire.Part(added.Key).Title);
        Assert.Equal((QuestionKind.YesNo, "Has your State published a national position?", 0),
            (questionnaire.Question(asked.Key).Kind, questionnaire.Question(asked.Key).Text, questionnaire.Question(asked.Key).Options.Count));
        Assert.Equal(("Have a channel to receive notifications.", "A/76/135, annex, para 3"), (questionnaire.Action(listed.Key).Text, questionnaire.Action(listed.Key).Source));
        var shown = await browser.GetAsync(PageOf(cycle));
        Assert.Contains("13(c)", shown.Text);
        Assert.Contains("A/76/135, annex, para 3", shown.Text);

        await browser.SubmitAsync(shown, new Dictionary<string, object?> { ["Remove.Key"] = listed.Key },
            $"form:has(input[name='Remove.Key'][value='{listed.Key}'])");
        await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?> { ["Remove.Key"] = asked.Key },
            $"form:has(input[name='Remove.Key'][value='{asked.Key}'])");
        await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?> { ["Remove.Key"] = added.Key },
            $"form:has(input[name='Remove.Key'][value='{added.Key}'])");

        var after = await LatestAsync(cycle);
        Assert.Empty(after.Actions);
        Assert.Empty(after.Part(law).Questions);
        Assert.Equal(4, after.Parts.Count);
        Assert.Equal(10, await AuditCountAsync());
    }

    [Fact]
    public async Task SaveQuestion_AChoiceWithOneOption_ShowsTheMessageByTheOptions_AndKeepsWhatWasTyped()
    {
        var cycle = await Portal.OpenCycleAsync();
        await Portal.CreateQuestionnaireAsync(cycle);
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var before = (await LatestAsync(cycle)).Parts.Sum(p => p.Questions.Count);

        var response = await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?>
        {
            ["Question.Kind"] = nameof(QuestionKind.MultipleChoice),
            ["Question.Text"] = "Which frameworks apply?",
            ["Question.Options"] = "Only one",
        }, "#question-form");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(DomainMessages.QuestionNeedsOptions, response.FieldError("Question.Options"));
        Assert.Equal("Which frameworks apply?", response.InputValue("Question.Text"));
        Assert.Equal("Only one", response.InputValue("Question.Options"));
        Assert.Equal(nameof(QuestionKind.MultipleChoice), response.InputValue("Question.Kind"));
        Assert.Equal(before, (await LatestAsync(cycle)).Parts.Sum(p => p.Questions.Count));
    }

    [Fact]
    public async Task SaveAction_WithoutSourceOrNorm_ShowsMessagesByTheFields_AndKeepsTheText()
    {
        var cycle = await Portal.OpenCycleAsync();
        await Portal.CreateQuestionnaireAsync(cycle);
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var response = await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?>
        {
            ["Checklist.NormNumber"] = "",
            ["Checklist.Text"] = "Publish a national position.",
            ["Checklist.Source"] = "",
        }, "#action-form");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Checklist.NormNumber"));
        Assert.Equal(DomainMessages.ActionSourceRequired, response.FieldError("Checklist.Source"));
        Assert.Equal("Publish a national position.", response.InputValue("Checklist.Text"));
        Assert.Equal(22, (await LatestAsync(cycle)).Actions.Count);
    }

    [Fact]
    public async Task SavePart_ASecondNormsPart_ShowsTheDomainRefusalByTheForm_InTheModeratorsLanguage()
    {
        var cycle = await Portal.OpenCycleAsync();
        await Portal.CreateQuestionnaireAsync(cycle);
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var response = await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?>
        {
            ["Part.Kind"] = nameof(PartKind.Norms),
            ["Part.Title"] = "More norms",
        }, "#part-form");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(DomainMessages.QuestionnaireOneNormsPart, response.FieldError("Part"));
        Assert.Equal("More norms", response.InputValue("Part.Title"));
        Assert.Equal(4, (await LatestAsync(cycle)).Parts.Count);
    }

    [Fact]
    public async Task FrozenQuestionnaire_ShowsMakeANewVersion_RefusesEdits_AndTheNewVersionIsEditableWhileTheReportKeepsItsOwn()
    {
        var cycle = await Portal.OpenCycleAsync();
        var first = await Portal.CreateQuestionnaireAsync(cycle);
        await Portal.CreateReportAsync("KEN", cycle);
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var questionKey = (await LatestAsync(cycle)).OrderedParts.First().OrderedQuestions.First().Key;

        var page = await browser.GetAsync(PageOf(cycle));
        Assert.Contains("Make a new version", page.Text);
        Assert.Null(page.Document.QuerySelector("#question-form"));
        Assert.Null(page.Document.QuerySelector("input[name='Remove.Key']"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{PageOf(cycle)}?edit={questionKey}")).Status);

        var refused = await browser.PostWithTokenAsync($"{PageOf(cycle)}?handler=SaveQuestion&edit={questionKey}",
        [
            new("Question.Key", questionKey), new("Question.Kind", nameof(QuestionKind.FreeText)), new("Question.Text", "Changed behind the freeze?"),
        ]);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(DomainMessages.QuestionnaireFrozen, refused.FieldError("Question"));
        Assert.Equal("Changed behind the freeze?", refused.InputValue("Question.Text"));
        Assert.NotEqual("Changed behind the freeze?", (await LatestAsync(cycle)).Question(questionKey).Text);

        var next = await browser.SubmitAsync(page, formSelector: "#new-version-form");
        Assert.Equal(PageOf(cycle), next.RedirectPath);
        var latest = await LatestAsync(cycle);
        Assert.Equal((2, false), (latest.Version, latest.IsFrozen));
        Assert.Equal(questionKey, latest.Question(questionKey).Key);

        var edited = await browser.SubmitAsync($"{PageOf(cycle)}?edit={questionKey}", new Dictionary<string, object?>
        {
            ["Question.Text"] = "Has your State published its position, and where?",
        }, "#question-form");
        Assert.Equal(PageOf(cycle), edited.RedirectPath);
        Assert.Equal("Has your State published its position, and where?", (await LatestAsync(cycle)).Question(questionKey).Text);
        Assert.Equal(first, await Portal.WithDbAsync(db => db.Reports.Where(r => r.CycleId == cycle).Select(r => r.QuestionnaireId).SingleAsync()));
    }

    [Fact]
    public async Task Save_OnAnOutdatedRead_ShowsThatItChanged_AndSavesNothing()
    {
        var cycle = await Portal.OpenCycleAsync();
        await Portal.CreateQuestionnaireAsync(cycle);
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var stale = await browser.GetAsync(PageOf(cycle));
        // Meanwhile a State starts answering: the questionnaire freezes.
        await Portal.CreateReportAsync("KEN", cycle);

        var response = await browser.SubmitAsync(stale, new Dictionary<string, object?>
        {
            ["Checklist.NormNumber"] = "5",
            ["Checklist.Text"] = "Publish how privacy is protected.",
            ["Checklist.Source"] = "A/70/174",
        }, "#action-form");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Checklist"));
        Assert.Equal("Publish how privacy is protected.", response.InputValue("Checklist.Text"));
        Assert.Equal(2, (await LatestAsync(cycle)).ActionsOf(5).Count());
    }

    [Fact]
    public async Task Save_AfterAnotherModeratorsChange_OnTheSameVersion_IsRefusedAsOutdated()
    {
        var cycle = await Portal.OpenCycleAsync();
        await Portal.CreateQuestionnaireAsync(cycle);
        var (first, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var (second, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var stale = await first.GetAsync(PageOf(cycle));

        var saved = await second.SubmitAsync(PageOf(cycle), new Dictionary<string, object?>
        {
            ["Part.Kind"] = nameof(PartKind.Other),
            ["Part.Title"] = "Added by the second moderator",
        }, "#part-form");
        var outdated = await first.SubmitAsync(stale, new Dictionary<string, object?>
        {
            ["Part.Kind"] = nameof(PartKind.Other),
            ["Part.Title"] = "Added by the first moderator",
        }, "#part-form");

        Assert.Equal(PageOf(cycle), saved.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, outdated.Status);
        Assert.NotNull(outdated.FieldError("Part"));
        Assert.Equal(["Added by the second moderator"], (await LatestAsync(cycle)).Parts.Where(p => p.Kind == PartKind.Other).Select(p => p.Title));
    }

    [Fact]
    public async Task Copy_FromAnEarlierCycle_KeepsTheKeys()
    {
        var earlier = await Portal.OpenCycleAsync("Reporting 2025");
        await Portal.CreateQuestionnaireAsync(earlier);
        var cycle = await Portal.OpenCycleAsync("Reporting 2026");
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var page = await browser.GetAsync(PageOf(cycle));
        Assert.Contains("Reporting 2025", page.Document.QuerySelector("#copy-form select")!.TextContent);
        var copied = await browser.SubmitAsync(page, new Dictionary<string, object?> { ["Copy.FromCycleId"] = earlier.ToString() }, "#copy-form");

        Assert.Equal(PageOf(cycle), copied.RedirectPath);
        var source = await LatestAsync(earlier);
        var copy = await LatestAsync(cycle);
        Assert.Equal((1, false), (copy.Version, copy.IsFrozen));
        Assert.Equal(source.Parts.SelectMany(p => p.Questions).Select(q => q.Key).Order(), copy.Parts.SelectMany(p => p.Questions).Select(q => q.Key).Order());
        Assert.Equal(source.Actions.Select(a => a.Key).Order(), copy.Actions.Select(a => a.Key).Order());
        Assert.All(copy.Actions, a => Assert.StartsWith(IllustrativeQuestionnaire.Source, a.Source));
    }

    [Fact]
    public async Task Copy_WithoutChoosingACycle_ShowsTheMessageByTheSelect()
    {
        var earlier = await Portal.OpenCycleAsync("Reporting 2025");
        await Portal.CreateQuestionnaireAsync(earlier);
        var cycle = await Portal.OpenCycleAsync("Reporting 2026");
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var response = await browser.SubmitAsync(PageOf(cycle), new Dictionary<string, object?> { ["Copy.FromCycleId"] = "" }, "#copy-form");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.FieldError("Copy.FromCycleId"));
        Assert.False(await Portal.WithDbAsync(db => db.Questionnaires.AnyAsync(q => q.CycleId == cycle)));
    }

    [Fact]
    public async Task CyclePages_LinkToTheQuestionnaire()
    {
        var cycle = await Portal.OpenCycleAsync();
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var list = await browser.GetAsync("/admin/cycles");
        var edit = await browser.GetAsync($"/admin/cycles/edit/{cycle}");

        Assert.NotNull(list.Document.QuerySelector($"main a[href='{PageOf(cycle)}']"));
        Assert.NotNull(edit.Document.QuerySelector($"main a[href='{PageOf(cycle)}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/admin/cycles/999999/questionnaire")).Status);
    }

    [Theory]
    [InlineData("14, 3", new[] { 14, 3 })]
    [InlineData("1,30,7", new[] { 30, 7, 1 })]
    [InlineData("", new int[0])]
    public async Task ReminderDays_OnTheCycleForm_AreSaved(string typed, int[] saved)
    {
        var cycle = await Portal.OpenCycleAsync();
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);
        var form = await browser.GetAsync($"/admin/cycles/edit/{cycle}");
        Assert.Equal("30, 7, 1", form.InputValue("Input.ReminderDays"));

        var response = await browser.SubmitAsync(form, new Dictionary<string, object?> { ["Input.ReminderDays"] = typed });

        Assert.Equal("/admin/cycles", response.RedirectPath);
        Assert.Equal(saved, await Portal.WithDbAsync(db => db.Cycles.Where(c => c.Id == cycle).Select(c => c.ReminderDays).SingleAsync()));
    }

    [Theory]
    [InlineData("30, 400", DomainMessages.ReminderDaysOutOfRange)]
    [InlineData("0", DomainMessages.ReminderDaysOutOfRange)]
    [InlineData("thirty, 7", "Write whole numbers of days separated by commas, e.g. 30, 7, 1.")]
    [InlineData("7.5", "Write whole numbers of days separated by commas, e.g. 30, 7, 1.")]
    public async Task ReminderDays_NotWholeDaysInRange_ShowTheMessageByTheField_AndKeepWhatWasTyped(string typed, string message)
    {
        var cycle = await Portal.OpenCycleAsync();
        var (browser, _) = await Portal.SignInAsAsync(PortalRoles.Moderator);

        var response = await browser.SubmitAsync($"/admin/cycles/edit/{cycle}", new Dictionary<string, object?> { ["Input.ReminderDays"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(message, response.FieldError("Input.ReminderDays"));
        Assert.Equal(typed, response.InputValue("Input.ReminderDays"));
        Assert.Equal([30, 7, 1], await Portal.WithDbAsync(db => db.Cycles.Where(c => c.Id == cycle).Select(c => c.ReminderDays).SingleAsync()));
    }
}
