using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CyberNormPortal.Web.Data.Queries;

/// <summary>
/// A published entry as readers list it: its published revision's text and who reported it. Stored in the
/// <c>PublishedEntries</c> read table, which the database keeps in step with <c>Entries</c> in the same
/// transaction as every publication, edit or withdrawal (see <see cref="Configurations.PublishedEntryConfiguration"/>),
/// so lists, search, the coverage map and the synthesis read one indexed table without joins. Never written by EF.
/// </summary>
public sealed class PublishedEntry
{
    public int Id { get; init; }

    /// <summary>The published revision's own id, to fetch its body without repeating the join.</summary>
    public int RevisionId { get; init; }

    public int NormNumber { get; init; }

    public int CycleId { get; init; }

    public string CycleName { get; init; } = "";

    public string CycleSlug { get; init; } = "";

    public string? StateIso3 { get; init; }

    /// <summary>
    /// The States the entry speaks for: its own State, or every member of the group for a joint entry.
    /// The State filter, the State facet and the coverage map count an entry for each of them.
    /// </summary>
    public List<string> ReportingStates { get; init; } = [];

    /// <summary>The UN regional groups of <see cref="ReportingStates"/>, each once.</summary>
    public List<RegionalGroup> Regions { get; init; } = [];

    /// <summary>Slugs of the groups the entry counts for: its State's groups, or its own group for a joint entry.</summary>
    public List<string> Groups { get; init; } = [];

    public int? GroupId { get; init; }

    public EntryKind Kind { get; init; }

    public TlpLabel Visibility { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";

    public List<PracticeCategory> PracticeCategories { get; init; } = [];

    /// <summary>The language the entry was written in (its original).</summary>
    public string Language { get; init; } = "";

    /// <summary>Every language the entry can be read in: the original first, then its translations.</summary>
    public List<string> Languages { get; init; } = [];

    /// <summary>The titles and summaries of the published revision's translations (their bodies stay in the revision).</summary>
    public List<PublishedTranslation> Translations { get; init; } = [];

    /// <summary>The reporting State's name, or the group's abbreviation for a joint entry.</summary>
    public string AuthorName { get; init; } = "";

    /// <summary>How well the entry matches a full-text query (title weighs most); 0 without one.</summary>
    public float Rank { get; init; }

    /// <summary>
    /// The title and summary a reader of <paramref name="language"/> sees: their translation where there is one,
    /// otherwise the original (<see cref="LanguageVersions"/>). The body is left empty: it is not in the read table.
    /// </summary>
    public EntryText TextIn(string? language) => TextIn(Language, Title, Summary, Translations, language);

    /// <summary>The same choice for a row projected from the read table (its language, title, summary and translations).</summary>
    public static EntryText TextIn(
        string originalLanguage, string title, string summary, IEnumerable<PublishedTranslation>? translations, string? language) =>
        LanguageVersions.Pick(
            [new EntryText(originalLanguage, title, summary, "", IsOriginal: true), .. (translations ?? []).Select(t => new EntryText(t.Language, t.Title, t.Summary, "", IsOriginal: false))],
            t => t.Language,
            language);
}

/// <summary>A translation's title and summary, as the read table keeps them for lists.</summary>
public sealed class PublishedTranslation
{
    public string Language { get; init; } = "";

    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";
}

public static class PublishedEntryQueries
{
    /// <summary>Entries whose text is published and which <paramref name="reader"/> may see.</summary>
    public static IQueryable<PublishedEntry> VisibleTo(this IQueryable<PublishedEntry> entries, Reader reader)
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
    /// Every published entry <paramref name="reader"/> may see, read-only; with <paramref name="query"/> (parsed once by
    /// <see cref="TextSearch.ParseAsync"/>), only those matching it, ranked. One SQL query over the read table; compose
    /// filters and paging on it.
    /// </summary>
    public static IQueryable<PublishedEntry> PublishedEntries(this PortalDbContext db, Reader reader, string? query = null)
    {
        var published = db.Set<PublishedEntry>().AsNoTracking().VisibleTo(reader);
        if (query is not null)
        {
            // Matched against the stored, GIN-indexed vector. An empty query ("-", "'") matches nothing, as PostgreSQL says.
            published = published.Where(e => EF.Property<NpgsqlTsVector>(e, PublishedEntryConfiguration.SearchVectorProperty)
                .Matches(TextSearch.Parsed(query)));
        }

        // Always a projection: the (large) search vector is never read back.
        return published
            .Select(e => new PublishedEntry
            {
                Id = e.Id,
                RevisionId = e.RevisionId,
                NormNumber = e.NormNumber,
                CycleId = e.CycleId,
                CycleName = e.CycleName,
                CycleSlug = e.CycleSlug,
                StateIso3 = e.StateIso3,
                ReportingStates = e.ReportingStates,
                Regions = e.Regions,
                Groups = e.Groups,
                GroupId = e.GroupId,
                Kind = e.Kind,
                Visibility = e.Visibility,
                PublishedAt = e.PublishedAt,
                Title = e.Title,
                Summary = e.Summary,
                PracticeCategories = e.PracticeCategories,
                Language = e.Language,
                Languages = e.Languages,
                Translations = e.Translations,
                AuthorName = e.AuthorName,
                Rank = query == null
                    ? 0f
                    : EF.Property<NpgsqlTsVector>(e, PublishedEntryConfiguration.SearchVectorProperty).Rank(TextSearch.Parsed(query)),
            });
    }
}
