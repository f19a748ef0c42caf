using CyberNormPortal.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Data.Queries;

/// <summary>A published entry as readers list it: its published revision's text and who reported it.</summary>
public sealed class PublishedEntry
{
    public int Id { get; init; }

    /// <summary>The published revision's own id, to fetch its body without repeating the join.</summary>
    public int RevisionId { get; init; }

    public int NormNumber { get; init; }

    public int CycleId { get; init; }

    public string CycleName { get; init; } = "";

    public string? StateIso3 { get; init; }

    public int? GroupId { get; init; }

    public EntryKind Kind { get; init; }

    public TlpLabel Visibility { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";

    public List<PracticeCategory> PracticeCategories { get; init; } = [];

    public string Language { get; init; } = "";

    /// <summary>The reporting State's name, or the group's abbreviation for a joint entry.</summary>
    public string AuthorName { get; init; } = "";
}

public static class PublishedEntryQueries
{
    /// <summary>Entries whose text is published and which <paramref name="reader"/> may see, read-only.</summary>
    public static IQueryable<Entry> VisibleTo(this IQueryable<Entry> entries, Reader reader)
    {
        if (reader.IsModerator)
        {
            return entries;
        }

        if (!reader.IsSignedIn)
        {
            return entries.Where(e => e.Visibility == TlpLabel.Clear);
        }

        var state = reader.StateIso3;
        return entries.Where(e =>
            e.Visibility == TlpLabel.Clear
            || e.Visibility == TlpLabel.Green
            || (e.Visibility == TlpLabel.Amber && state != null && e.StateIso3 == state));
    }

    /// <summary>
    /// Every published entry <paramref name="reader"/> may see, projected with its published text.
    /// One SQL query; compose filters and paging on it.
    /// </summary>
    public static IQueryable<PublishedEntry> PublishedEntries(this PortalDbContext db, Reader reader) =>
        from e in db.Entries.AsNoTracking().VisibleTo(reader)
        where e.PublishedRevisionNumber != null
        join r in db.Revisions on new { EntryId = e.Id, Number = e.PublishedRevisionNumber!.Value } equals new { r.EntryId, r.Number }
        select new PublishedEntry
        {
            Id = e.Id,
            RevisionId = r.Id,
            NormNumber = e.NormNumber,
            CycleId = e.CycleId,
            CycleName = db.Cycles.Where(c => c.Id == e.CycleId).Select(c => c.Name).First(),
            StateIso3 = e.StateIso3,
            GroupId = e.GroupId,
            Kind = e.Kind,
            Visibility = e.Visibility,
            PublishedAt = e.PublishedAt!.Value,
            Title = r.Title,
            Summary = r.Summary,
            PracticeCategories = r.PracticeCategories,
            Language = r.Language,
            AuthorName = e.StateIso3 != null
                ? db.States.Where(s => s.Iso3 == e.StateIso3).Select(s => s.Name).First()
                : db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Abbreviation).First(),
        };
}
