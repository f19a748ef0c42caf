using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

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

    /// <summary>How well the entry matches a full-text query (title weighs most); 0 without one.</summary>
    public float Rank { get; init; }
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
    public static IQueryable<PublishedEntry> PublishedEntries(this PortalDbContext db, Reader reader, string? text = null)
    {
        var published =
            from e in db.Entries.AsNoTracking().VisibleTo(reader)
            where e.PublishedRevisionNumber != null
            join r in db.Revisions on new { EntryId = e.Id, Number = e.PublishedRevisionNumber!.Value } equals new { r.EntryId, r.Number }
            select new { e, r };
        if (text is not null)
        {
            // Web-search syntax: "a phrase", or, -word. Matched against the stored, GIN-indexed vector.
            published = published.Where(x => EF.Property<NpgsqlTsVector>(x.r, RevisionConfiguration.SearchVectorProperty)
                .Matches(EF.Functions.WebSearchToTsQuery(RevisionConfiguration.SearchConfiguration, text)));
        }

        return published.Select(x => new PublishedEntry
        {
            Id = x.e.Id,
            RevisionId = x.r.Id,
            NormNumber = x.e.NormNumber,
            CycleId = x.e.CycleId,
            CycleName = db.Cycles.Where(c => c.Id == x.e.CycleId).Select(c => c.Name).First(),
            StateIso3 = x.e.StateIso3,
            GroupId = x.e.GroupId,
            Kind = x.e.Kind,
            Visibility = x.e.Visibility,
            PublishedAt = x.e.PublishedAt!.Value,
            Title = x.r.Title,
            Summary = x.r.Summary,
            PracticeCategories = x.r.PracticeCategories,
            Language = x.r.Language,
            AuthorName = x.e.StateIso3 != null
                ? db.States.Where(s => s.Iso3 == x.e.StateIso3).Select(s => s.Name).First()
                : db.Groups.Where(g => g.Id == x.e.GroupId).Select(g => g.Abbreviation).First(),
            Rank = text == null
                ? 0f
                : EF.Property<NpgsqlTsVector>(x.r, RevisionConfiguration.SearchVectorProperty)
                    .Rank(EF.Functions.WebSearchToTsQuery(RevisionConfiguration.SearchConfiguration, text)),
        });
    }
}
