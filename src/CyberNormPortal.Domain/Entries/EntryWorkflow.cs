using System.Linq.Expressions;
using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Entries;

/// <summary>Why a step is refused: a code, which pages turn into text in the reader's language.</summary>
public enum WorkflowRefusal
{
    /// <summary>The step does not exist for an entry in this status.</summary>
    NotInThisStatus,

    /// <summary>Only a point of contact of the entry's own State may take it.</summary>
    NotAPointOfContact,

    /// <summary>Only an approver of the entry's State (or a moderator standing in) may review it.</summary>
    NotAReviewer,

    /// <summary>The reviewer edited this revision last.</summary>
    FourEyes,

    /// <summary>Only a moderator may take it.</summary>
    NotAModerator,

    /// <summary>Nothing of the entry is published, so there is nothing to withdraw.</summary>
    NothingPublished,

    /// <summary>The step needs a reason and none was given.</summary>
    ReasonRequired,
}

/// <summary>
/// The outcome of asking whether a step is allowed: the status it leads to, or why not (<paramref name="Why"/>, one of
/// <see cref="DomainMessages"/>: the key the web layer shows in the reader's language).
/// </summary>
public sealed record WorkflowDecision(bool IsAllowed, EntryStatus? To, WorkflowRefusal? Refusal, string? Why)
{
    public static WorkflowDecision Allow(EntryStatus to) => new(true, to, null, null);

    public static WorkflowDecision Refuse(WorkflowRefusal refusal, string why) => new(false, null, refusal, why);
}

/// <summary>A step the actor may take now, with where it leads and what it needs.</summary>
public sealed record WorkflowStep(WorkflowAction Action, EntryStatus To, bool NeedsReason);

/// <summary>
/// The life of an entry as one table of (status, action) → rule. Nothing else decides a transition:
/// pages ask <see cref="StepsFor"/> and <see cref="Decide"/> what is allowed, and <see cref="Entry"/> applies it.
/// <code>
/// Draft ─submit→ Submitted ─approve→ Published (member State) | AwaitingModeration (partner State)
/// (a group's joint entry: its coordinators submit, another coordinator or a moderator approves; it publishes at
/// once when every State of the group is an initiative member, else it waits for moderation)
/// Submitted ─return→ Draft        AwaitingModeration ─publish→ Published | ─return→ Draft
/// Published ─withdraw→ Withdrawn
/// Draft | Submitted | AwaitingModeration, with a published revision ─withdraw→ the same status, nothing published
/// </code>
/// The status is the working copy's; a published revision can stand behind a new draft. Withdrawing takes the
/// published revision away and leaves a draft in progress where it is (docs/decisions/0011-withdrawal-keeps-the-draft.md).
/// </summary>
public static class EntryWorkflow
{
    private static readonly WorkflowTable<Entry> Table = new(new Dictionary<(EntryStatus, WorkflowAction), WorkflowTransition<Entry>>
    {
        [(EntryStatus.Draft, WorkflowAction.Submit)] = new(Submit),
        [(EntryStatus.Submitted, WorkflowAction.Approve)] = new(Approve),
        [(EntryStatus.Submitted, WorkflowAction.Return)] = new(ReturnFromReview, NeedsReason: true),
        [(EntryStatus.AwaitingModeration, WorkflowAction.Publish)] = new(Publish),
        [(EntryStatus.AwaitingModeration, WorkflowAction.Return)] = new(ReturnFromModeration, NeedsReason: true),
        [(EntryStatus.Published, WorkflowAction.Withdraw)] = new(Withdraw, NeedsReason: true),
        [(EntryStatus.Draft, WorkflowAction.Withdraw)] = new(WithdrawBehindNewRevision, NeedsReason: true),
        [(EntryStatus.Submitted, WorkflowAction.Withdraw)] = new(WithdrawBehindNewRevision, NeedsReason: true),
        [(EntryStatus.AwaitingModeration, WorkflowAction.Withdraw)] = new(WithdrawBehindNewRevision, NeedsReason: true),
    }, entry => entry.Status, DomainMessages.StepNotPossibleNow);

    /// <summary>
    /// Whether an entry waits for this actor's review: submitted, and the actor is an approver of its State, or a
    /// moderator standing in where the State has a single point of contact; for a group's joint entry, a coordinator
    /// of the group or a moderator. An expression, so that the review queue's database query filters with the very
    /// rule the workflow decides with (Entries/WorkingEntryQueries.cs). Four eyes is Approve's own check.
    /// </summary>
    public static readonly Expression<Func<Entry, WorkflowActor, bool, bool>> AwaitsReviewBy =
        (entry, actor, stateHasSinglePointOfContact) =>
            entry.Status == EntryStatus.Submitted
            && (entry.GroupId != null
                ? (actor.Has(WorkflowRoles.GroupCoordinator) && actor.GroupId == entry.GroupId) || actor.Has(WorkflowRoles.Moderator)
                : entry.StateIso3 != null
                    && ((actor.Has(WorkflowRoles.Approver) && actor.StateIso3 == entry.StateIso3)
                        || (actor.Has(WorkflowRoles.Moderator) && stateHasSinglePointOfContact)));

    private static readonly Func<Entry, WorkflowActor, bool, bool> AwaitsReviewByCompiled = AwaitsReviewBy.Compile();

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/> now, given <paramref name="reason"/>.</summary>
    public static WorkflowDecision Decide(
        Entry entry, WorkflowAction action, WorkflowActor actor, WorkflowContext context, string? reason = null) =>
        Table.Decide(entry, action, actor, context, reason);

    /// <summary>Every step <paramref name="actor"/> may take on the entry now, each with what it needs.</summary>
    public static IReadOnlyList<WorkflowStep> StepsFor(Entry entry, WorkflowActor actor, WorkflowContext context) =>
        Table.StepsFor(entry, actor, context);

    private static WorkflowDecision Submit(Entry entry, WorkflowActor actor, WorkflowContext context) =>
        actor.SpeaksFor(entry.StateIso3, entry.GroupId)
            ? WorkflowDecision.Allow(EntryStatus.Submitted)
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAPointOfContact, entry.GroupId is null
                ? DomainMessages.SubmitNotAPointOfContact
                : DomainMessages.SubmitNotACoordinator);

    private static WorkflowDecision Approve(Entry entry, WorkflowActor actor, WorkflowContext context)
    {
        if (MayReview(entry, actor, context) is { } refusal)
        {
            return refusal;
        }

        if (entry.LatestRevision?.SavedByUserId == actor.UserId)
        {
            return WorkflowDecision.Refuse(WorkflowRefusal.FourEyes, DomainMessages.FourEyes);
        }

        return WorkflowDecision.Allow(context.StateIsInitiativeMember ? EntryStatus.Published : EntryStatus.AwaitingModeration);
    }

    private static WorkflowDecision ReturnFromReview(Entry entry, WorkflowActor actor, WorkflowContext context) =>
        MayReview(entry, actor, context) ?? WorkflowDecision.Allow(EntryStatus.Draft);

    private static WorkflowDecision Publish(Entry entry, WorkflowActor actor, WorkflowContext context) =>
        actor.Has(WorkflowRoles.Moderator)
            ? WorkflowDecision.Allow(EntryStatus.Published)
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAModerator, DomainMessages.PublishNotAModerator);

    private static WorkflowDecision ReturnFromModeration(Entry entry, WorkflowActor actor, WorkflowContext context) =>
        actor.Has(WorkflowRoles.Moderator)
            ? WorkflowDecision.Allow(EntryStatus.Draft)
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAModerator, DomainMessages.ReturnNotAModerator);

    private static WorkflowDecision Withdraw(Entry entry, WorkflowActor actor, WorkflowContext context) =>
        actor.Has(WorkflowRoles.Moderator)
            ? WorkflowDecision.Allow(EntryStatus.Withdrawn)
            : WorkflowDecision.Refuse(WorkflowRefusal.NotAModerator, DomainMessages.WithdrawNotAModerator);

    /// <summary>
    /// The published revision is withdrawn while a new one is drafted or reviewed: readers lose the published text,
    /// the new revision keeps its status and can still be submitted, approved and published.
    /// </summary>
    private static WorkflowDecision WithdrawBehindNewRevision(Entry entry, WorkflowActor actor, WorkflowContext context) =>
        !entry.IsPublic ? WorkflowDecision.Refuse(WorkflowRefusal.NothingPublished, DomainMessages.NothingPublished)
        : actor.Has(WorkflowRoles.Moderator) ? WorkflowDecision.Allow(entry.Status)
        : WorkflowDecision.Refuse(WorkflowRefusal.NotAModerator, DomainMessages.WithdrawNotAModerator);

    private static WorkflowDecision? MayReview(Entry entry, WorkflowActor actor, WorkflowContext context) =>
        AwaitsReviewByCompiled(entry, actor, context.StateHasSinglePointOfContact)
            ? null
            : WorkflowDecision.Refuse(
                WorkflowRefusal.NotAReviewer,
                entry.GroupId is null
                    ? DomainMessages.ReviewNotAnApprover
                    : DomainMessages.ReviewNotACoordinator);
}
