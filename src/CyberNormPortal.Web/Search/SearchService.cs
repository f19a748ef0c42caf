using System.Globalization;
using System.Net;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Search;

public enum SearchSort
{
    Relevance,
    Newest,
}

/// <summary>A search as its URL states it: words (web-search syntax), filters, order and page.</summary>
public sealed record SearchRequest(string? Text, EntryFilters Filters, SearchSort Sort = SearchSort.Relevance, int Page = 1)
{
    /// <summary>Longer queries are cut here: nobody types more, and the database need not parse it.</summary>
    public const int MaxTextLength = 300;

    public const int PageSize = 20;

    /// <summary>The words as searched: trimmed, cut to <see cref="MaxTextLength"/>, null when there are none.</summary>
    public string? Words => string.IsNullOrWhiteSpace(Text) ? null : Clean(Text);

    public bool WasCut => Text is not null && Text.Trim().Length > MaxTextLength;

    private static string Clean(string text)
    {
        var kept = Validation.TypedText.WithoutControlCharacters(text).Trim();
        return kept.Length > MaxTextLength ? kept[..MaxTextLength] : kept;
    }
}

/// <summary>A filter value with how many results it keeps; no count when there were too many results to count.</summary>
public sealed record FacetValue(string Value, string Label, int? Count);

/// <summary>A result: the entry, and an excerpt of the language version that matched (in <paramref name="SnippetLanguage"/>).</summary>
public sealed record SearchHit(PublishedEntry Entry, string SnippetHtml, string SnippetLanguage);

/// <param name="Total">The number of results; <see cref="SearchService.CountLimit"/> when <paramref name="IsMoreThanTotal"/>.</param>
/// <param name="IsMoreThanTotal">More results than <see cref="SearchService.CountLimit"/>: they were not all counted.</param>
/// <param name="Hits">The page's results.</param>
/// <param name="Facets">For each filter, its values, counted unless <paramref name="IsMoreThanTotal"/>.</param>
/// <param name="RanksNewestOnly">Best match first over too many matches: only the <see cref="SearchService.CountLimit"/> newest were ranked.</param>
public sealed record SearchResult(
    int Total,
    bool IsMoreThanTotal,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    bool RanksNewestOnly)
{
    /// <summary>Pages a reader can step through: the ranked candidates only, when there were more than could be counted.</summary>
    public int Pages => (int)Math.Ceiling(Total / (double)SearchRequest.PageSize);
}

/// <summary>
/// Full-text search over published entries the reader may see: the GIN-indexed, weighted vector of the
/// published revision, PostgreSQL's web-search syntax, highlighted snippets, and a count for each filter value.
/// A fixed number of queries, whatever the number of results. Results are counted, and ranked, up to
/// <see cref="CountLimit"/> (docs/decisions/0015): below it every count is exact; beyond it the page says "more than"
/// and ranks the most relevant of the <see cref="CountLimit"/> newest matches, so a common word costs what a rare one does.
/// </summary>
public sealed class SearchService(PortalDbContext db, MarkdownRenderer markdown, IStringLocalizer<SharedResource> localizer)
{
    public const int StatesInFacet = 25;

    /// <summary>How many results are counted, with their facets, and ranked; beyond it, "more than {CountLimit}".</summary>
    public const int CountLimit = 500;

    private const char MarkStart = '\u0002';
    private const char MarkEnd = '\u0003';

    /// <summary>
    /// The words parsed as the reader's language means them (<see cref="PortalCultures.Current"/>): its stemming, or
    /// the exact words; null without words.
    /// </summary>
    public async Task<string?> ParseAsync(SearchRequest request, CancellationToken cancellationToken) =>
        request.Words is { } words ? await db.ParseAsync(PortalCultures.Current.Name, words, cancellationToken) : null;

    /// <summary>Matching entries with every filter applied, unordered: for counts and exports.</summary>
    public IQueryable<PublishedEntry> Matching(SearchRequest request, string? query, Reader reader) =>
        request.Filters.Apply(db.PublishedEntries(reader, query));

    /// <summary>Every match in the order asked for, ranked in full: for exports, which hold every match.</summary>
    public IQueryable<PublishedEntry> Ordered(SearchRequest request, string? query, Reader reader)
    {
        var matching = Matching(request, query, reader);
        return IsRanked(request, query) ? BestFirst(matching) : NewestFirst(matching);
    }

    private static bool IsRanked(SearchRequest request, string? query) => request.Sort == SearchSort.Relevance && query is not null;

    private static IOrderedQueryable<PublishedEntry> BestFirst(IQueryable<PublishedEntry> entries) =>
        entries.OrderByDescending(e => e.Rank).ThenByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id);

    private static IOrderedQueryable<PublishedEntry> NewestFirst(IQueryable<PublishedEntry> entries) =>
        entries.OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id);

    public async Task<SearchResult> SearchAsync(SearchRequest request, Reader reader, CancellationToken cancellationToken)
    {
        var query = await ParseAsync(request, cancellationToken);
        var (total, facets) = await CountAsync(request, query, reader, cancellationToken);
        var isMoreThan = total > CountLimit;
        var ranksNewestOnly = isMoreThan && IsRanked(request, query);
        var ranked = ranksNewestOnly
            // Too many to rank them all: the most relevant of the newest CountLimit matches.
            ? BestFirst(NewestFirst(Matching(request, query, reader)).Take(CountLimit))
            : Ordered(request, query, reader);
        var page = await ranked
            .Skip((Math.Max(request.Page, 1) - 1) * SearchRequest.PageSize)
            .Take(SearchRequest.PageSize)
            .ToListAsync(cancellationToken);
        var language = PortalCultures.Current.Name;
        var snippets = await SnippetsAsync(page, query, language, cancellationToken);
        var hits = page.Select(e =>
        {
            if (snippets.TryGetValue(e.RevisionId, out var snippet))
            {
                return new SearchHit(e, snippet.Html, snippet.Language);
            }

            var shown = e.TextIn(language);
            return new SearchHit(e, WebUtility.HtmlEncode(markdown.ToPlainText(shown.Summary)), shown.Language);
        }).ToList();
        return new SearchResult(Math.Min(total, CountLimit), isMoreThan, hits, isMoreThan ? UncountedFacets() : facets, ranksNewestOnly);
    }

    /// <summary>
    /// One highlighted excerpt for each of the page's entries (two queries, whatever the page holds): of the language
    /// version the reader sees if it matches, else of the first version that does, each cut with its own language's
    /// configuration; the summary and body as plain text — Markdown stripped, the summary once even when the body
    /// repeats it — with the matches PostgreSQL finds in <c>&lt;mark&gt;</c> and everything else HTML-encoded.
    /// </summary>
    private async Task<Dictionary<int, (string Html, string Language)>> SnippetsAsync(
        List<PublishedEntry> page, string? query, string language, CancellationToken cancellationToken)
    {
        if (query is null || page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(e => e.RevisionId).ToList();
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Language, r.Title, r.Summary, r.Body, r.Translations })
            .ToListAsync(cancellationToken);
        var versions = revisions.SelectMany(r =>
        {
            var texts = Domain.Entries.EntryText.Versions(r.Language, r.Title, r.Summary, r.Body, r.Translations);
            var shown = Domain.Entries.LanguageVersions.Pick(texts, t => t.Language, language);
            return texts.Select((t, i) => (r.Id, t.Language, Text: ExcerptSource(t.Summary, t.Body), Preference: t == shown ? -1 : i, Versions: texts.Count));
        }).ToList();
        int[] revisionIds = [.. versions.Select(v => v.Id)];
        string[] languages = [.. versions.Select(v => v.Language)];
        string[] plainTexts = [.. versions.Select(v => v.Text)];
        int[] preferences = [.. versions.Select(v => v.Preference)];
        int[] versionCounts = [.. versions.Select(v => v.Versions)];

        // Only an entry with several versions needs to know which of them matches (parsing its text again); the
        // others have one excerpt to cut.
        var options = $"StartSel={MarkStart}, StopSel={MarkEnd}, MaxWords=35, MinWords=15, MaxFragments=1";
        var headlines = await db.Database.SqlQuery<Headline>($"""
            SELECT DISTINCT ON (t.id) t.id AS "Id", t.language AS "Language",
                ts_headline("TextSearchConfiguration"(t.language), t.text, q.query, {options}) AS "Text"
            FROM unnest({revisionIds}::integer[], {languages}::text[], {plainTexts}::text[], {preferences}::integer[], {versionCounts}::integer[])
                AS t(id, language, text, preference, versions)
            CROSS JOIN (SELECT "ParsedQuery"({query}) AS query) AS q
            ORDER BY t.id,
                CASE WHEN t.versions = 1 THEN true
                    ELSE (to_tsvector("TextSearchConfiguration"(t.language), "HanBigrams"(t.text)) || to_tsvector('simple', "HanBigrams"(t.text))) @@ q.query
                END DESC,
                t.preference
            """).ToListAsync(cancellationToken);

        // Everything is encoded first; only the database's own markers become <mark>.
        return headlines.ToDictionary(
            h => h.Id,
            h => (WebUtility.HtmlEncode(h.Text).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
                .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal), h.Language));
    }

    /// <summary>
    /// The text an excerpt is cut from: summary and body as plain text, the summary left out when the body already
    /// says it, and never a marker character of its own (only the database's markers may become <c>&lt;mark&gt;</c>).
    /// </summary>
    private string ExcerptSource(string summary, string body)
    {
        var plainSummary = markdown.ToPlainText(summary);
        var plainBody = markdown.ToPlainText(body);
        var text = plainBody.Contains(plainSummary, StringComparison.Ordinal) ? plainBody : $"{plainSummary} {plainBody}";
        return text.Replace(MarkStart.ToString(), "", StringComparison.Ordinal).Replace(MarkEnd.ToString(), "", StringComparison.Ordinal);
    }

    private sealed class Headline
    {
        public int Id { get; init; }

        public string Language { get; init; } = "";

        public string Text { get; init; } = "";
    }

    /// <summary>
    /// The filters whose values are known without reading the results, offered without counts when there are more
    /// results than <see cref="CountLimit"/>. States, groups, cycles and years are left out: which of them have
    /// results is what was not counted.
    /// </summary>
    private Dictionary<string, IReadOnlyList<FacetValue>> UncountedFacets() => new()
    {
        ["norm"] = Uncounted(Enumerable.Range(1, Domain.Norms.Norm.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), NormLabel),
        ["kind"] = Uncounted(Enum.GetNames<Domain.Entries.EntryKind>(), KindLabel),
        ["category"] = Uncounted(Enum.GetNames<Domain.Entries.PracticeCategory>(), CategoryLabel),
        ["region"] = Uncounted(Enum.GetNames<Domain.States.RegionalGroup>(), RegionLabel),
        ["language"] = Uncounted(PortalCultures.All.Select(c => c.Name), Pages.Shared.Labels.Language),
    };

    private static FacetValue[] Uncounted(IEnumerable<string> values, Func<string, string> label) =>
        [.. values.Select(v => new FacetValue(v, label(v), null))];

    // The labels of the filters whose values are fixed, counted or not (a value as in URLs, e.g. "BestPractice").
    private string NormLabel(string value) => localizer["Norm {0}", value];

    private string KindLabel(string value) => localizer[Pages.Shared.Labels.Kind(Enum.Parse<Domain.Entries.EntryKind>(value))];

    private string CategoryLabel(string value) => localizer[Pages.Shared.Labels.Category(Enum.Parse<Domain.Entries.PracticeCategory>(value))];

    private string RegionLabel(string value) => localizer[Pages.Shared.Labels.Region(Enum.Parse<Domain.States.RegionalGroup>(value))];

    /// <summary>
    /// The number of results and, for each filter, how many of them each of its values would keep — in one query:
    /// the matching rows are read once (EF Core's own SQL for them, with its parameters) and counted ten ways.
    /// At most <see cref="CountLimit"/> + 1 rows are read; when that many match, only the total (CountLimit + 1) comes back.
    /// States, groups and regions are counted from the same arrays the filters test, so a count always equals
    /// the results its link leads to (a joint entry counts for each member State and each of their regions).
    /// </summary>
    private async Task<(int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)> CountAsync(
        SearchRequest request, string? query, Reader reader, CancellationToken cancellationToken)
    {
        var matching = Matching(request, query, reader)
            .Select(e => new { e.Id, e.NormNumber, e.Kind, e.PracticeCategories, e.ReportingStates, e.Groups, e.Regions, e.CycleSlug, e.PublishedAt, e.Languages });
        await using var command = matching.CreateDbCommand();
        // The limit stays outside the matching rows' CTE, which PostgreSQL then plans for all its matches (through the
        // GIN index unless they are most of the table) and reads only as far as the limit. Given the limit, the planner
        // reads the table in order until it has seen that many, assuming matches are spread evenly; they are not (a
        // cycle's entries were published together), and it then reads most of the table (docs/benchmarks.md).
        command.CommandText = $"""
            WITH a (id, norm, kind, categories, states, groups, regions, cycle, published_at, languages) AS MATERIALIZED (
            {command.CommandText}
            ),
            r AS MATERIALIZED (SELECT * FROM a LIMIT {CountLimit + 1}),
            m AS (SELECT * FROM r WHERE (SELECT count(*) FROM r) <= {CountLimit})
            SELECT 'total', '', '', count(*) FROM r
            {FacetSql}
            """;

        var rows = new List<(string Facet, string Value, string Label, int Count)>();
        // A hand-made command is not retried by EF on its own: run it through the execution strategy like any query.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            rows.Clear();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var row = await command.ExecuteReaderAsync(ct);
                while (await row.ReadAsync(ct))
                {
                    rows.Add((row.GetString(0), row.GetString(1), row.GetString(2), Convert.ToInt32(row.GetInt64(3), CultureInfo.InvariantCulture)));
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);

        var total = rows.Where(r => r.Facet == "total").Sum(r => r.Count);
        var byFacet = rows.ToLookup(r => r.Facet);
        IReadOnlyList<FacetValue> Facet(string name, Func<(string Facet, string Value, string Label, int Count), string> label,
            Func<IEnumerable<(string Facet, string Value, string Label, int Count)>, IEnumerable<(string Facet, string Value, string Label, int Count)>> order) =>
            [.. order(byFacet[name]).Select(r => new FacetValue(r.Value, label(r), r.Count))];

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["norm"] = Facet("norm", r => NormLabel(r.Value), x => x.OrderBy(r => int.Parse(r.Value, CultureInfo.InvariantCulture))),
            ["kind"] = Facet("kind", r => KindLabel(r.Value), x => x.OrderBy(r => Enum.Parse<Domain.Entries.EntryKind>(r.Value))),
            ["category"] = Facet("category", r => CategoryLabel(r.Value), x => x.OrderByDescending(r => r.Count)),
            ["state"] = Facet("state", r => r.Label, x => x.OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal).Take(StatesInFacet)),
            ["group"] = Facet("group", r => r.Label, x => x.OrderBy(r => r.Label, StringComparer.Ordinal)),
            ["region"] = Facet("region", r => RegionLabel(r.Value), x => x.OrderBy(r => Enum.Parse<Domain.States.RegionalGroup>(r.Value))),
            ["cycle"] = Facet("cycle", r => r.Label, x => x.OrderBy(r => r.Label, StringComparer.Ordinal)),
            ["year"] = Facet("year", r => r.Value, x => x.OrderByDescending(r => r.Value, StringComparer.Ordinal)),
            ["language"] = Facet("language", r => Pages.Shared.Labels.Language(r.Value), x => x.OrderByDescending(r => r.Count)),
        };
        return (total, facets);
    }

    /// <summary>Counts over the matching rows <c>m</c>, after the total: (facet, value as in URLs, label from the database or '', count).</summary>
    private const string FacetSql = """
        UNION ALL SELECT 'norm', norm::text, '', count(*) FROM m GROUP BY norm
        UNION ALL SELECT 'kind', kind, '', count(*) FROM m GROUP BY kind
        UNION ALL SELECT 'category', x, '', count(*) FROM m CROSS JOIN LATERAL unnest(m.categories) AS x GROUP BY x
        UNION ALL SELECT 'state', x, s."Name", count(*) FROM m CROSS JOIN LATERAL unnest(m.states) AS x
            JOIN "States" s ON s."Iso3" = x GROUP BY x, s."Name"
        UNION ALL SELECT 'group', x, g."Abbreviation", count(*) FROM m CROSS JOIN LATERAL unnest(m.groups) AS x
            JOIN "Groups" g ON g."Slug" = x GROUP BY x, g."Abbreviation"
        UNION ALL SELECT 'region', x, '', count(*) FROM m CROSS JOIN LATERAL unnest(m.regions) AS x GROUP BY x
        UNION ALL SELECT 'cycle', cycle, c."Name", count(*) FROM m JOIN "Cycles" c ON c."Slug" = m.cycle GROUP BY cycle, c."Name"
        UNION ALL SELECT 'year', date_part('year', published_at AT TIME ZONE 'UTC')::int::text, '', count(*) FROM m GROUP BY 2
        UNION ALL SELECT 'language', x, '', count(*) FROM m CROSS JOIN LATERAL unnest(m.languages) AS x GROUP BY x
        """;
}
