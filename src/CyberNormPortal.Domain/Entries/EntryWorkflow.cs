namespace CyberNormPortal.Domain.Entries;

/// <summary>The outcome of asking whether a step is allowed: the status it leads to, or why not.</summary>
public sealed record WorkflowDecision(bool IsAllowed, EntryStatus? To, string? Refusal)
{
    public static WorkflowDecision Allow(EntryStatus to) => new(true, to, null);

    public static WorkflowDecision Refuse(string why) => new(false, null, why);
}

/// <summary>
/// The life of an entry as one table of (status, action) → rule. Nothing else decides a transition:
/// pages ask <see cref="Decide"/> what is allowed, and <see cref="Entry"/> applies it.
/// <code>
/// Draft ─submit→ Submitted ─approve→ Published (member State) | AwaitingModeration (partner State)
/// (a group's joint entry: its coordinators submit, another coordinator or a moderator approves; it publishes at
/// once when every State of the group is an initiative member, else it waits for moderation)
/// Submitted ─return→ Draft        AwaitingModeration ─publish→ Published | ─return→ Draft
/// Published ─withdraw→ Withdrawn
/// </code>
/// </summary>
public static class EntryWorkflow
{
    private delegate WorkflowDecision Rule(Entry entry, WorkflowActor actor, WorkflowContext context, string? reason);

    private static readonly Dictionary<(EntryStatus, WorkflowAction), Rule> Transitions = new()
    {
        [(EntryStatus.Draft, WorkflowAction.Submit)] = Submit,
        [(EntryStatus.Submitted, WorkflowAction.Approve)] = Approve,
        [(EntryStatus.Submitted, WorkflowAction.Return)] = ReturnFromReview,
        [(EntryStatus.AwaitingModeration, WorkflowAction.Publish)] = Publish,
        [(EntryStatus.AwaitingModeration, WorkflowAction.Return)] = ReturnFromModeration,
        [(EntryStatus.Published, WorkflowAction.Withdraw)] = Withdraw,
    };

    public static WorkflowDecision Decide(
        Entry entry, WorkflowAction action, WorkflowActor actor, WorkflowContext context, string? reason = null) =>
        Transitions.TryGetValue((entry.Status, action), out var rule)
            ? rule(entry, actor, context, reason)
            : WorkflowDecision.Refuse($"An entry that is {Describe(entry.Status)} cannot be {Past(action)}.");

    private static WorkflowDecision Submit(Entry entry, WorkflowActor actor, WorkflowContext context, string? reason) =>
        actor.SpeaksFor(entry.StateIso3, entry.GroupId)
            ? WorkflowDecision.Allow(EntryStatus.Submitted)
            : WorkflowDecision.Refuse(entry.GroupId is null
                ? "Only a point of contact of the entry's own State can submit it."
                : "Only a coordinator of the group can submit its joint entry.");

    private static WorkflowDecision Approve(Entry entry, WorkflowActor actor, WorkflowContext context, string? reason)
    {
        if (MayReview(entry, actor, context) is { } refusal)
        {
            return WorkflowDecision.Refuse(refusal);
        }

        if (entry.LatestRevision?.SavedByUserId == actor.UserId)
        {
            return WorkflowDecision.Refuse("You edited this revision last: another person must approve it (four eyes).");
        }

        return WorkflowDecision.Allow(context.StateIsInitiativeMember ? EntryStatus.Published : EntryStatus.AwaitingModeration);
    }

    private static WorkflowDecision ReturnFromReview(Entry entry, WorkflowActor actor, WorkflowContext context, string? reason) =>
        MayReview(entry, actor, context) is { } refusal ? WorkflowDecision.Refuse(refusal)
        : RequireReason(reason, EntryStatus.Draft);

    private static WorkflowDecision Publish(Entry entry, WorkflowActor actor, WorkflowContext context, string? reason) =>
        actor.Has(WorkflowRoles.Moderator)
            ? WorkflowDecision.Allow(EntryStatus.Published)
            : WorkflowDecision.Refuse("Only a moderator can publish a partner State's entry.");

    private static WorkflowDecision ReturnFromModeration(Entry entry, WorkflowActor actor, WorkflowContext context, string? reason) =>
        actor.Has(WorkflowRoles.Moderator)
            ? RequireReason(reason, EntryStatus.Draft)
            : WorkflowDecision.Refuse("Only a moderator can return an entry awaiting moderation.");

    private static WorkflowDecision Withdraw(Entry entry, WorkflowActor actor, WorkflowContext context, string? reason) =>
        actor.Has(WorkflowRoles.Moderator)
            ? RequireReason(reason, EntryStatus.Withdrawn)
            : WorkflowDecision.Refuse("Only a moderator can withdraw a published entry.");

    /// <summary>
    /// An approver of the entry's State reviews; a moderator may stand in where the State has one point of contact.
    /// A joint entry is reviewed by a coordinator of its group or by a moderator (four eyes still apply to approval).
    /// </summary>
    private static string? MayReview(Entry entry, WorkflowActor actor, WorkflowContext context)
    {
        if (entry.GroupId is not null)
        {
            return actor.Coordinates(entry.GroupId) || actor.Has(WorkflowRoles.Moderator)
                ? null
                : "Only a coordinator of the group (or a moderator) can review its joint entry.";
        }

        var ownApprover = actor.Has(WorkflowRoles.Approver) && entry.StateIso3 is not null && actor.StateIso3 == entry.StateIso3;
        var standIn = actor.Has(WorkflowRoles.Moderator) && context.StateHasSinglePointOfContact;
        return ownApprover || standIn
            ? null
            : "Only an approver of the entry's own State can review it (or a moderator, where the State has a single point of contact).";
    }

    private static WorkflowDecision RequireReason(string? reason, EntryStatus to) =>
        string.IsNullOrWhiteSpace(reason)
            ? WorkflowDecision.Refuse("Give a reason: the author will read it.")
            : WorkflowDecision.Allow(to);

    private static string Describe(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "a draft",
        EntryStatus.Submitted => "submitted for review",
        EntryStatus.AwaitingModeration => "awaiting moderation",
        EntryStatus.Published => "published",
        EntryStatus.Withdrawn => "withdrawn",
    };

    private static string Past(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "submitted",
        WorkflowAction.Approve => "approved",
        WorkflowAction.Return => "returned",
        WorkflowAction.Publish => "published",
        WorkflowAction.Withdraw => "withdrawn",
    };
}
