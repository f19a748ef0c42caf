using System.Net;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using CyberNormPortal.Web.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Exports;

/// <summary>The cycle's blank questionnaire and a State's published report as Word documents, read back with OpenXml.</summary>
public sealed class ReportDocumentTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const string GreenNeed = "Training for the national CSIRT's incident handlers.";

    private Task<string> SlugAsync(int cycle) => Portal.WithDbAsync(db => db.Cycles.Where(c => c.Id == cycle).Select(c => c.Slug).SingleAsync());

    private static async Task<(HttpStatusCode Status, string Text, WordprocessingDocument? Document)> DownloadAsync(Browser browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, "", null);
        }

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
        return (response.StatusCode, text, document);
    }

    [Fact]
    public async Task BlankQuestionnaire_ForAVisitor_HoldsEveryPartQuestionAndAction_WithBlanksToFill()
    {
        var cycle = await Portal.OpenCycleAsync("UN reporting cycle 2026");
        await Portal.CreateQuestionnaireAsync(cycle);
        var questionnaire = await Portal.WithDbAsync(db => db.Questionnaires.AsNoTracking()
            .Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery().SingleAsync(q => q.CycleId == cycle));
        using var visitor = Portal.NewBrowser();

        var (status, text, document) = await DownloadAsync(visitor, $"/reports/{await SlugAsync(cycle)}/questionnaire.docx");

        Assert.Equal(HttpStatusCode.OK, status);
        using (document)
        {
            var headings = document!.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal(questionnaire.OrderedParts.Select(p => p.Title), headings);
        }

        Assert.StartsWith("Questionnaire: UN reporting cycle 2026\nVersion 1", text);
        foreach (var question in questionnaire.Parts.SelectMany(p => p.Questions))
        {
            Assert.Contains(question.Text, text);
            Assert.All(question.Options, option => Assert.Contains($"☐ {option}", text));
        }

        Assert.All(questionnaire.Actions, action => Assert.Contains(action.Text, text));
        Assert.Contains("13(c) – ", text);
        Assert.Contains("☐ Yes ☐ No", text);
        Assert.Contains("Explanation:", text);
        Assert.Contains("Status: ☐ Not started ☐ In progress ☐ Implemented ☐ Not applicable", text);
        Assert.Equal(questionnaire.Actions.Count, text.Split('\n').Count(l => l == "Capacity needs:"));
        Assert.Contains("How international law applies to the use of ICTs by States. See the 2015 GGE report (A/70/174), paras 24–29.", text);
        Assert.DoesNotContain("**", text);
    }

    [Fact]
    public async Task BlankQuestionnaire_InFrench_HasFrenchHeadings_AndUnknownCycleOrNoQuestionnaireIs404()
    {
        var cycle = await Portal.OpenCycleAsync();
        var without = await Portal.OpenCycleAsync();
        await Portal.CreateQuestionnaireAsync(cycle);
        using var visitor = Portal.NewBrowser();

        var (_, text, document) = await DownloadAsync(visitor, $"/fr/reports/{await SlugAsync(cycle)}/questionnaire.docx");
        document?.Dispose();

        Assert.Contains("☐ Non commencé", text);
        Assert.Contains("Besoins en capacités :", text);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync("/reports/no-such-cycle/questionnaire.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync($"/reports/{await SlugAsync(without)}/questionnaire.docx")).StatusCode);
    }

    [Fact]
    public async Task PublishedReport_HoldsItsAnswers_AndItsGreenPartOnlyForSignedInReaders()
    {
        var cycle = await Portal.OpenCycleAsync("UN reporting cycle 2026");
        await Portal.CreateQuestionnaireAsync(cycle);
        var entry = await Portal.PublishAsync("KEN");
        await PublishKenyasReportAsync(cycle, entry);
        var url = $"/states/ken/reports/{await SlugAsync(cycle)}/report.docx";
        using var visitor = Portal.NewBrowser();
        var (analyst, _) = await Portal.SignInAsAsync(PortalRoles.Analyst);

        var (status, publicText, publicDocument) = await DownloadAsync(visitor, url);
        var (_, signedInText, signedInDocument) = await DownloadAsync(analyst, url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Kenya: national report, UN reporting cycle 2026\nVersion 1, published", publicText);
        Assert.Contains("TLP:CLEAR", publicText);
        Assert.Contains("☒ Yes ☐ No", publicText);
        Assert.Contains("Explanation: Published by the ministry in 2021.", publicText);
        Assert.Contains("☒ Diplomatic only", publicText);
        Assert.Contains("☐ Technical only", publicText);
        Assert.Contains("Status: Implemented", publicText);
        Assert.Contains("Status: In progress", publicText);
        Assert.Contains("Measures taken: A point of contact answers within 24 hours.", publicText);
        Assert.Contains("Challenges: Staffing.", publicText);
        Assert.Contains($"/entries/{entry}", publicText);
        var link = publicDocument!.MainDocumentPart!.HyperlinkRelationships.Select(r => r.Uri.AbsolutePath).ToList();
        Assert.Contains($"/entries/{entry}", link);
        Assert.DoesNotContain(GreenNeed, publicText);
        Assert.DoesNotContain("Capacity-building", publicText);
        Assert.Contains("1 part(s) of this report are not shown", publicText);

        Assert.Contains(GreenNeed, signedInText);
        Assert.Contains("TLP:GREEN", signedInText);
        Assert.DoesNotContain("are not shown", signedInText);
        publicDocument.Dispose();
        signedInDocument!.Dispose();
        // The signed-in download held a TLP:GREEN part: audited; the visitor's (TLP:CLEAR only) was not.
        var subject = AuditSubjects.Report("KEN", await SlugAsync(cycle));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync(a => a.Action == AuditActions.RestrictedExport && a.Subject == subject)));
    }

    [Fact]
    public async Task AmberReport_Is404ForOtherStatesAndVisitors_AndOpensForItsOwnState_Audited()
    {
        var cycle = await Portal.OpenCycleAsync();
        await Portal.CreateQuestionnaireAsync(cycle);
        await Portal.CreateReportAsync("FRA", cycle, EntryStatus.Published, TlpLabel.Amber);
        var url = $"/states/fra/reports/{await SlugAsync(cycle)}/report.docx";
        var (kenya, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "KEN");
        var (france, _) = await Portal.SignInAsAsync(PortalRoles.Contributor, "FRA");
        var (analyst, _) = await Portal.SignInAsAsync(PortalRoles.Analyst);
        using var visitor = Portal.NewBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await kenya.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync(url)).StatusCode);
        var (status, text, document) = await DownloadAsync(france, url);
        document?.Dispose();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("A national CSIRT was set up by law.", text);
        Assert.Contains("TLP:AMBER", text);
        var audit = await Portal.WithDbAsync(db => db.AuditRecords.Where(a => a.Action == AuditActions.RestrictedExport && a.Subject!.StartsWith("report:FRA:")).Select(a => a.Details).ToListAsync());
        Assert.Single(audit);
        Assert.Contains("TLP:AMBER", audit[0]);
    }

    [Fact]
    public async Task Report_UnknownStateCycleOrUnpublished_Is404()
    {
        var cycle = await Portal.OpenCycleAsync();
        await Portal.CreateQuestionnaireAsync(cycle);
        await Portal.CreateReportAsync("KEN", cycle, EntryStatus.Submitted);
        var slug = await SlugAsync(cycle);
        using var visitor = Portal.NewBrowser();

        foreach (var url in new[] { $"/states/ken/reports/{slug}/report.docx", $"/states/xyz/reports/{slug}/report.docx", "/states/ken/reports/no-such-cycle/report.docx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync(url)).StatusCode);
        }
    }

    /// <summary>
    /// Kenya's TLP:CLEAR report with answers in three parts and its capacity-building part TLP:GREEN, published through
    /// the domain's steps (a partner State: contributor, approver, moderator).
    /// </summary>
    private Task PublishKenyasReportAsync(int cycleId, int entryId) => Portal.WithDbAsync(async db =>
    {
        var questionnaire = await db.Questionnaires.Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery()
            .SingleAsync(q => q.CycleId == cycleId);
        var cycle = await db.Cycles.SingleAsync(c => c.Id == cycleId);
        var now = DateTimeOffset.UtcNow;
        var contributor = new WorkflowActor("contributor-KEN", "Contributor of KEN", WorkflowRoles.Contributor, "KEN");
        var approver = new WorkflowActor("approver-KEN", "Approver of KEN", WorkflowRoles.Approver, "KEN");
        var moderator = new WorkflowActor("moderator", "Moderator", WorkflowRoles.Moderator, null);
        var member = await db.States.Where(s => s.Iso3 == "KEN").Select(s => s.Participation == InitiativeParticipation.Member).SingleAsync();
        var context = new WorkflowContext(member, StateHasSinglePointOfContact: false);
        var part = questionnaire.OrderedParts.ToDictionary(p => p.Kind);
        QuestionAnswer Answer(PartKind kind, QuestionKind questionKind, IReadOnlyList<string>? choices = null, bool? yes = null, string? text = null, IReadOnlyList<int>? entries = null) =>
            new(part[kind].Questions.First(q => q.Kind == questionKind).Key, choices ?? [], yes, text, entries ?? []);

        var report = NationalReport.Start(cycleId, "KEN", questionnaire, contributor, now);
        report.SavePart(part[PartKind.InternationalLaw].Key, new PartAnswers(
            [Answer(PartKind.InternationalLaw, QuestionKind.YesNo, yes: true, text: "Published by the ministry in 2021.")], []), TlpLabel.Clear, contributor, now);
        report.SavePart(part[PartKind.ConfidenceBuilding].Key, new PartAnswers(
            [Answer(PartKind.ConfidenceBuilding, QuestionKind.SingleChoice, choices: ["Diplomatic only"])], []), TlpLabel.Clear, contributor, now);
        var norm8 = questionnaire.ActionsOf(8).ToList();
        report.SavePart(part[PartKind.Norms].Key, new PartAnswers(
            [Answer(PartKind.Norms, QuestionKind.EntryLinks, entries: [entryId])],
            [
                new ActionAnswer(norm8[0].Key, ChecklistStatus.Implemented, "A point of contact answers within 24 hours.", [entryId], "Staffing.", null),
                new ActionAnswer(norm8[1].Key, ChecklistStatus.InProgress, null, [], null, "Exercises with neighbours."),
            ]), TlpLabel.Clear, contributor, now);
        report.SavePart(part[PartKind.CapacityBuilding].Key, new PartAnswers(
            [Answer(PartKind.CapacityBuilding, QuestionKind.FreeText, text: GreenNeed)], []), TlpLabel.Green, contributor, now);
        report.Apply(WorkflowAction.Submit, contributor, context, now, cycle.ClosesOn);
        report.Apply(WorkflowAction.Approve, approver, context, now, cycle.ClosesOn);
        if (report.Status == EntryStatus.AwaitingModeration)
        {
            report.Apply(WorkflowAction.Publish, moderator, context, now, cycle.ClosesOn);
        }

        Assert.Equal(EntryStatus.Published, report.Status);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        await ReportReadModel.RefreshAsync(db, report, CancellationToken.None);
        await db.SaveChangesAsync();
        return report.Id;
    });
}
