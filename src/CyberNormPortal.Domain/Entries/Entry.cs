using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Entries;

/// <summary>
/// One reported item, for one norm, by one State (or jointly by a group), in one cycle.
/// Its text lives in revisions; the entry points at the revision the public sees.
/// </summary>
public sealed class Entry
{
    private readonly List<Revision> _revisions = [];

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

    /// <summary>Stable key of an entry imported from a source document, so imports are idempotent.</summary>
    public string? ExternalKey { get; private set; }

    /// <summary>
    /// The revision readers see; null while nothing is published (or after a withdrawal).
    /// A number within the entry, not a foreign key: an entry and its first revision are saved together.
    /// </summary>
    public int? PublishedRevisionNumber { get; private set; }

    public bool IsPublic => PublishedRevisionNumber is not null;

    public IReadOnlyCollection<Revision> Revisions => _revisions;

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
