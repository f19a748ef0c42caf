namespace CyberNormPortal.Domain.Entries;

/// <summary>One workflow step taken on an entry: who, when, from which status to which, and why.</summary>
public sealed class ReviewEvent
{
    private ReviewEvent()
    {
    }

    internal ReviewEvent(
        WorkflowAction action, EntryStatus from, EntryStatus to, int revisionNumber, WorkflowActor actor, string? reason, DateTimeOffset at)
    {
        Action = action;
        FromStatus = from;
        ToStatus = to;
        RevisionNumber = revisionNumber;
        ActorUserId = actor.UserId;
        ActorName = actor.DisplayName;
        Reason = reason;
        At = at;
    }

    public int Id { get; private set; }

    public int EntryId { get; private set; }

    public WorkflowAction Action { get; private set; }

    public EntryStatus FromStatus { get; private set; }

    public EntryStatus ToStatus { get; private set; }

    public int RevisionNumber { get; private set; }

    public string ActorUserId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}
