using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data.Seeding;
using CyberNormPortal.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>Intent-level helpers that put questionnaires and national reports in the portal's database.</summary>
public static class TestReports
{
    /// <summary>The illustrative questionnaire (four parts, two actions per norm) for <paramref name="cycleId"/>.</summary>
    public static Task<int> CreateQuestionnaireAsync(this PortalFixture portal, int cycleId) =>
        portal.WithDbAsync(async db =>
        {
            var questionnaire = IllustrativeQuestionnaire.Build(cycleId, DateTimeOffset.UtcNow);
            db.Questionnaires.Add(questionnaire);
            await db.SaveChangesAsync();
            return questionnaire.Id;
        });

    /// <summary>
    /// A report of <paramref name="stateIso3"/> for the cycle, its checklist answered with <paramref name="actionStatus"/>
    /// (every action of <paramref name="norms"/>, all norms by default), taken to <paramref name="status"/> through the
    /// domain's own steps by a contributor, an approver and, for partner States, a moderator.
    /// </summary>
    public static Task<int> CreateReportAsync(
        this PortalFixture portal,
        string stateIso3,
        int cycleId,
        EntryStatus status = EntryStatus.Draft,
        TlpLabel visibility = TlpLabel.Clear,
        ChecklistStatus actionStatus = ChecklistStatus.Implemented,
        IReadOnlyList<int>? norms = null,
        string measures = "A national CSIRT was set up by law.") =>
        portal.WithDbAsync(async db =>
        {
            var questionnaire = await db.Questionnaires.Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions)
                .Where(q => q.CycleId == cycleId).OrderByDescending(q => q.Version).FirstAsync();
            var cycle = await db.Cycles.SingleAsync(c => c.Id == cycleId);
            var now = DateTimeOffset.UtcNow;
            var contributor = new WorkflowActor("contributor-" + stateIso3, "Contributor of " + stateIso3, WorkflowRoles.Contributor, stateIso3);
            var approver = new WorkflowActor("approver-" + stateIso3, "Approver of " + stateIso3, WorkflowRoles.Approver, stateIso3);
            var moderator = new WorkflowActor("moderator", "Moderator", WorkflowRoles.Moderator, null);
            var member = await db.States.Where(s => s.Iso3 == stateIso3).Select(s => s.Participation == InitiativeParticipation.Member).SingleAsync();
            var context = new WorkflowContext(member, StateHasSinglePointOfContact: false);

            var report = NationalReport.Start(cycleId, stateIso3, questionnaire, contributor, now);
            report.SetVisibility(visibility, contributor, now);
            var normsPart = questionnaire.OrderedParts.Single(p => p.Kind == PartKind.Norms);
            var answers = questionnaire.Actions
                .Where(a => norms is null || norms.Contains(a.NormNumber))
                .Select(a => new ActionAnswer(a.Key, actionStatus, measures, [], null, null));
            report.SavePart(normsPart.Key, new PartAnswers([], answers), visibility, contributor, now);

            if (status != EntryStatus.Draft)
            {
                report.Apply(WorkflowAction.Submit, contributor, context, now, cycle.ClosesOn);
            }

            if (status is EntryStatus.AwaitingModeration or EntryStatus.Published or EntryStatus.Withdrawn)
            {
                report.Apply(WorkflowAction.Approve, approver, context, now, cycle.ClosesOn);
                if (report.Status == EntryStatus.AwaitingModeration && status != EntryStatus.AwaitingModeration)
                {
                    report.Apply(WorkflowAction.Publish, moderator, context, now, cycle.ClosesOn);
                }
            }

            if (status == EntryStatus.Withdrawn)
            {
                report.Apply(WorkflowAction.Withdraw, moderator, context, now, cycle.ClosesOn, "Withdrawn by the test.");
            }

            if (report.Status != status)
            {
                throw new InvalidOperationException($"The report reached {report.Status}, not {status}.");
            }

            db.Reports.Add(report);
            await db.SaveChangesAsync();
            await ReportReadModel.RefreshAsync(db, report, CancellationToken.None);
            await db.SaveChangesAsync();
            return report.Id;
        });
}
