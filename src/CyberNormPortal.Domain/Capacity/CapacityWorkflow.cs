using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;

namespace CyberNormPortal.Domain.Capacity;

/// <summary>
/// The life of a need or an offer as one table of (status, action) → rule, with the entries' statuses and steps
/// (docs/decisions/0017-capacity-building.md):
/// <code>
/// State's item:        Draft ─submit→ Submitted ─approve→ Published (member State) | AwaitingModeration (partner)
/// Organisation's offer: Draft ─submit→ AwaitingModeration ─publish→ Published
/// Submitted ─return→ Draft        AwaitingModeration ─return→ Draft        Published ─withdraw→ Withdrawn
/// </code>
/// The approver may not be the person who saved it last (four eyes); a moderator stands in where the State has a
/// single point of contact. The owner or a moderator withdraws a published item that no longer stands.
/// </summary>
public static class CapacityWorkflow
{
    private static readonly WorkflowTable<CapacityItem> Table = new(new Dictionary<(EntryStatus, WorkflowAction), WorkflowTransition<CapacityItem>>
    {
        [(EntryStatus.Draft, WorkflowAction.Submit)] = new(Submit),
        [(EntryStatus.Submitted, WorkflowAction.Approve)] = new(Approve),
        [(EntryStatus.Submitted, WorkflowAction.Return)] = new(ReturnFromReview, NeedsReason: true),
        [(EntryStatus.AwaitingModeration, WorkflowAction.Publish)] = new(Moderate(EntryStatus.Published, DomainMessages.CapacityPublishNotAModerator)),
        [(EntryStatus.AwaitingModeration, WorkflowAction.Return)] = new(Moderate(EntryStatus.Draft, DomainMessages.CapacityReturnNotAModerator), NeedsReason: true),
        [(EntryStatus.Published, WorkflowAction.Withdraw)] = new(Withdraw, NeedsReason: true),
    }, item => item.Status, DomainMessages.CapacityStepNotPossibleNow);

    /// <summary>Whether the item waits for this actor's approval (four eyes is the approval's own check).</summary>
    public static bool AwaitsApprovalBy(CapacityItem item, WorkflowActor actor, bool stateHasSinglePointOfContact) =>
        item.Status == EntryStatus.Submitted
        && item.StateIso3 is not null
        && ((actor.Has(WorkflowRoles.Approver) && actor.StateIso3 == item.StateIso3)
            || (actor.Has(WorkflowRoles.Moderator) && stateHasSinglePointOfContact));

    public static WorkflowDecision Decide(
        CapacityItem item, WorkflowAction action, WorkflowActor actor, WorkflowContext context, string? reason = null) =>
        Table.Decide(item, action, actor, context, reason);

    public static IReadOnlyList<WorkflowStep> StepsFor(CapacityItem item, WorkflowActor actor, WorkflowContext context) =>
        Table.StepsFor(item, actor, context);

    private static WorkflowDecision Submit(CapacityItem item, WorkflowActor actor, WorkflowContext context) =>
        !item.IsOwnedBy(actor)
            ? WorkflowDecision.Refuse(WorkflowRefusal.NotAPointOfContact, DomainMessages.CapacityNotAPointOfContact)
            : WorkflowDecision.Allow(item.IsOrganisations ? EntryStatus.AwaitingModeration : EntryStatus.Submitted);

    private static WorkflowDecision Approve(CapacityItem item, WorkflowActor actor, WorkflowContext context)
    {
        if (MayReview(item, actor, context) is { } refusal)
        {
            return refusal;
        }

        return item.LastSavedByUserId == actor.UserId
            ? WorkflowDecision.Refuse(WorkflowRefusal.FourEyes, DomainMessages.CapacityFourEyes)
            : WorkflowDecision.Allow(context.StateIsInitiativeMember ? EntryStatus.Published : EntryStatus.AwaitingModeration);
    }

    private static WorkflowDecision ReturnFromReview(CapacityItem item, WorkflowActor actor, WorkflowContext context) =>
        MayReview(item, actor, context) ?? WorkflowDecision.Allow(EntryStatus.Draft);

    private static Func<CapacityItem, WorkflowActor, WorkflowContext, WorkflowDecision> Moderate(EntryStatus to, string refusal) =>
        (_, actor, _) => actor.Has(WorkflowRoles.Moderator)
            ? WorkflowDecision.Allow(to)
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAModerator, refusal);

    private static WorkflowDecision Withdraw(CapacityItem item, WorkflowActor actor, WorkflowContext context) =>
        item.IsOwnedBy(actor) || actor.Has(WorkflowRoles.Moderator)
            ? WorkflowDecision.Allow(EntryStatus.Withdrawn)
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAPointOfContact, DomainMessages.CapacityWithdrawNotAllowed);

    private static WorkflowDecision? MayReview(CapacityItem item, WorkflowActor actor, WorkflowContext context) =>
        AwaitsApprovalBy(item, actor, context.StateHasSinglePointOfContact)
            ? null
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAReviewer, DomainMessages.CapacityNotAnApprover);
}
