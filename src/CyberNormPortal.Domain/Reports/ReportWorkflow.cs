using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;

namespace CyberNormPortal.Domain.Reports;

/// <summary>
/// The life of a national report as one table of (status, action) → rule, with the entries' statuses, steps and
/// refusals (docs/decisions/0016-national-reports.md):
/// <code>
/// Draft ─submit→ Submitted (in review) ─approve (sign off)→ Published (member State) | AwaitingModeration (partner)
/// Submitted ─return→ Draft        AwaitingModeration ─publish→ Published | ─return→ Draft
/// Published ─withdraw→ Withdrawn  Draft | Submitted | AwaitingModeration behind a published version ─withdraw→ same
/// </code>
/// The approver who signs off may not be the person who saved a part last (four eyes); a moderator stands in where
/// the State has a single point of contact.
/// </summary>
public static class ReportWorkflow
{
    private static readonly WorkflowTable<NationalReport> Table = new(new Dictionary<(EntryStatus, WorkflowAction), WorkflowTransition<NationalReport>>
    {
        [(EntryStatus.Draft, WorkflowAction.Submit)] = new(Submit),
        [(EntryStatus.Submitted, WorkflowAction.Approve)] = new(SignOff),
        [(EntryStatus.Submitted, WorkflowAction.Return)] = new(ReturnFromReview, NeedsReason: true),
        [(EntryStatus.AwaitingModeration, WorkflowAction.Publish)] = new(Moderate(EntryStatus.Published, DomainMessages.ReportPublishNotAModerator)),
        [(EntryStatus.AwaitingModeration, WorkflowAction.Return)] = new(Moderate(EntryStatus.Draft, DomainMessages.ReportReturnNotAModerator), NeedsReason: true),
        [(EntryStatus.Published, WorkflowAction.Withdraw)] = new(Moderate(EntryStatus.Withdrawn, DomainMessages.ReportWithdrawNotAModerator), NeedsReason: true),
        [(EntryStatus.Draft, WorkflowAction.Withdraw)] = new(WithdrawBehindNewVersion, NeedsReason: true),
        [(EntryStatus.Submitted, WorkflowAction.Withdraw)] = new(WithdrawBehindNewVersion, NeedsReason: true),
        [(EntryStatus.AwaitingModeration, WorkflowAction.Withdraw)] = new(WithdrawBehindNewVersion, NeedsReason: true),
    }, report => report.Status, DomainMessages.ReportStepNotPossibleNow);

    /// <summary>Whether the report waits for this actor's sign-off (four eyes is the sign-off's own check).</summary>
    public static bool AwaitsSignOffBy(NationalReport report, WorkflowActor actor, bool stateHasSinglePointOfContact) =>
        report.Status == EntryStatus.Submitted
        && ((actor.Has(WorkflowRoles.Approver) && actor.StateIso3 == report.StateIso3)
            || (actor.Has(WorkflowRoles.Moderator) && stateHasSinglePointOfContact));

    public static WorkflowDecision Decide(
        NationalReport report, WorkflowAction action, WorkflowActor actor, WorkflowContext context, string? reason = null) =>
        Table.Decide(report, action, actor, context, reason);

    public static IReadOnlyList<WorkflowStep> StepsFor(NationalReport report, WorkflowActor actor, WorkflowContext context) =>
        Table.StepsFor(report, actor, context);

    private static WorkflowDecision Submit(NationalReport report, WorkflowActor actor, WorkflowContext context) =>
        actor.SpeaksFor(report.StateIso3)
            ? WorkflowDecision.Allow(EntryStatus.Submitted)
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAPointOfContact, DomainMessages.ReportNotAPointOfContact);

    private static WorkflowDecision SignOff(NationalReport report, WorkflowActor actor, WorkflowContext context)
    {
        if (MayReview(report, actor, context) is { } refusal)
        {
            return refusal;
        }

        return report.LastEditedPart?.UpdatedByUserId == actor.UserId
            ? WorkflowDecision.Refuse(WorkflowRefusal.FourEyes, DomainMessages.ReportFourEyes)
            : WorkflowDecision.Allow(context.StateIsInitiativeMember ? EntryStatus.Published : EntryStatus.AwaitingModeration);
    }

    private static WorkflowDecision ReturnFromReview(NationalReport report, WorkflowActor actor, WorkflowContext context) =>
        MayReview(report, actor, context) ?? WorkflowDecision.Allow(EntryStatus.Draft);

    private static Func<NationalReport, WorkflowActor, WorkflowContext, WorkflowDecision> Moderate(EntryStatus to, string refusal) =>
        (report, actor, context) => actor.Has(WorkflowRoles.Moderator)
            ? WorkflowDecision.Allow(to)
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAModerator, refusal);

    private static WorkflowDecision WithdrawBehindNewVersion(NationalReport report, WorkflowActor actor, WorkflowContext context) =>
        !report.IsPublic ? WorkflowDecision.Refuse(WorkflowRefusal.NothingPublished, DomainMessages.ReportNothingPublished)
        : actor.Has(WorkflowRoles.Moderator) ? WorkflowDecision.Allow(report.Status)
        : WorkflowDecision.Refuse(WorkflowRefusal.NotAModerator, DomainMessages.ReportWithdrawNotAModerator);

    private static WorkflowDecision? MayReview(NationalReport report, WorkflowActor actor, WorkflowContext context) =>
        AwaitsSignOffBy(report, actor, context.StateHasSinglePointOfContact)
            ? null
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAReviewer, DomainMessages.ReportNotAnApprover);
}
