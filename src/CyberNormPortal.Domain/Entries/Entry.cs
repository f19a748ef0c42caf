using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Entries;

/// <summary>
/// One reported item, for one norm, by one State (or jointly by a group), in one cycle.
/// Its text lives in revisions; the entry points at the revision the public sees.
/// </summary>
public sealed class Entry
{
    private readonly List<Revision> _revisions = [];
    private readonly List<ReviewEvent> _reviewEvents = [];

    private Entry()
    {
    }

    private Entry(int normNumber, int cycleId, EntryAuthor author, DateTimeOffset createdAt, string? externalKey)
    {
        NormNumber = normNumber;
        CycleId = cycleId;
        StateIso3 = author.StateIso3;
        GroupId = author.GroupId;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        ExternalKey = externalKey;
    }

    public int Id { get; private set; }

    public int NormNumber { get; private set; }

    public int CycleId { get; private set; }

    /// <summary>The reporting State; null for a joint entry of a group.</summary>
    public string? StateIso3 { get; private set; }

    /// <summary>The group reporting jointly; null for a State's own entry.</summary>
    public int? GroupId { get; private set; }

    public EntryStatus Status { get; private set; }

    /// <summary>Kind of the revision readers see (the published one, or the latest before publication).</summary>
    public EntryKind Kind { get; private set; }

    /// <summary>TLP label of the revision readers see; every listing filters on it.</summary>
    public TlpLabel Visibility { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When the entry last changed: every edit and workflow step moves it (and so its row version).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Stable key of an entry imported from a source document, so imports are idempotent.</summary>
    public string? ExternalKey { get; private set; }

    /// <summary>
    /// The revision readers see; null while nothing is published (or after a withdrawal).
    /// A number within the entry, not a foreign key: an entry and its first revision are saved together.
    /// </summary>
    public int? PublishedRevisionNumber { get; private set; }

    public bool IsPublic => PublishedRevisionNumber is not null;

    public IReadOnlyCollection<Revision> Revisions => _revisions;

    /// <summary>Every workflow step taken on the entry, oldest first.</summary>
    public IReadOnlyCollection<ReviewEvent> ReviewEvents => _reviewEvents;

    /// <summary>The newest revision: the one being drafted or reviewed.</summary>
    public Revision? LatestRevision => _revisions.MaxBy(r => r.Number);

    /// <summary>A contributor (or approver) starts an entry of their own State as a draft, revision 1.</summary>
    public static Entry CreateDraft(
        int normNumber, int cycleId, string stateIso3, EntryContent content, WorkflowActor author, DateTimeOffset now) =>
        CreateDraft(normNumber, cycleId, EntryAuthor.State(stateIso3), content, author, now);

    /// <summary>
    /// A point of contact starts an entry of <paramref name="reportedBy"/> as a draft, revision 1: a contributor (or
    /// approver) for their own State, a group coordinator jointly for their group.
    /// </summary>
    public static Entry CreateDraft(
        int normNumber, int cycleId, EntryAuthor reportedBy, EntryContent content, WorkflowActor author, DateTimeOffset now)
    {
        if (!author.SpeaksFor(reportedBy.StateIso3, reportedBy.GroupId))
        {
            throw new DomainException(reportedBy.GroupId is null
                ? DomainMessages.DraftNotAPointOfContact
                : DomainMessages.DraftNotACoordinator);
        }

        var entry = new Entry(normNumber, cycleId, reportedBy, now, externalKey: null)
        {
            Status = EntryStatus.Draft,
            Kind = content.Kind,
            Visibility = content.Visibility,
        };
        entry._revisions.Add(new Revision(1, content, now, author.UserId, author.DisplayName));
        return entry;
    }

    /// <summary>
    /// Saves new text as a new revision. Editing a published entry starts a new draft; the published
    /// revision stays what readers see until the new one is published.
    /// </summary>
    public Revision Edit(EntryContent content, WorkflowActor editor, DateTimeOffset now)
    {
        if (!editor.SpeaksFor(StateIso3, GroupId))
        {
            throw new DomainException(GroupId is null
                ? DomainMessages.EditNotAPointOfContact
                : DomainMessages.EditNotACoordinator);
        }

        if (Status is not (EntryStatus.Draft or EntryStatus.Published))
        {
            throw new DomainException(Status == EntryStatus.Withdrawn
                ? DomainMessages.EditWithdrawn
                : DomainMessages.EditInReview);
        }

        var revision = new Revision((LatestRevision?.Number ?? 0) + 1, content, now, editor.UserId, editor.DisplayName);
        _revisions.Add(revision);
        Status = EntryStatus.Draft;
        UpdatedAt = now;
        if (!IsPublic)
        {
            Kind = content.Kind;
            Visibility = content.Visibility;
        }

        return revision;
    }

    /// <summary>
    /// Takes one workflow step, as <see cref="EntryWorkflow"/> decides, and records it as a review event.
    /// </summary>
    /// <exception cref="DomainException">The step is not allowed; the message says why.</exception>
    public ReviewEvent Apply(
        WorkflowAction action, WorkflowActor actor, WorkflowContext context, DateTimeOffset now, string? reason = null)
    {
        var latest = LatestRevision ?? throw new DomainException("An entry without a revision has no workflow.");
        var decision = EntryWorkflow.Decide(this, action, actor, context, reason);
        if (!decision.IsAllowed)
        {
            throw new DomainException(decision.Why!);
        }

        var from = Status;
        Status = decision.To!.Value;
        UpdatedAt = now;
        if (Status == EntryStatus.Published)
        {
            PublishedRevisionNumber = latest.Number;
            PublishedAt = now;
            Kind = latest.Kind;
            Visibility = latest.Visibility;
        }
        else if (action == WorkflowAction.Withdraw)
        {
            // Readers lose the published revision; a new revision in progress keeps its status and stays the
            // working copy, so what readers would see next is its kind and label.
            PublishedRevisionNumber = null;
            Kind = latest.Kind;
            Visibility = latest.Visibility;
        }

        var reviewEvent = new ReviewEvent(action, from, Status, latest.Number, actor, reason?.Trim(), now);
        _reviewEvents.Add(reviewEvent);
        return reviewEvent;
    }

    /// <summary>
    /// An entry taken from a document that was already published (such as the 2019 G7 synthesis):
    /// it starts life published, with its text as revision 1.
    /// </summary>
    public static Entry ImportPublished(
        int normNumber,
        int cycleId,
        EntryAuthor author,
        EntryContent content,
        DateTimeOffset publishedAt,
        string externalKey,
        string sourceName)
    {
        if (string.IsNullOrWhiteSpace(externalKey))
        {
            throw new DomainException("An imported entry needs the key it has in its source.");
        }

        var entry = new Entry(normNumber, cycleId, author, publishedAt, externalKey);
        var revision = new Revision(1, content, publishedAt, savedByUserId: null, savedByName: sourceName);
        entry._revisions.Add(revision);
        entry.PublishedRevisionNumber = revision.Number;
        entry.Status = EntryStatus.Published;
        entry.PublishedAt = publishedAt;
        entry.Kind = content.Kind;
        entry.Visibility = content.Visibility;
        return entry;
    }
}
