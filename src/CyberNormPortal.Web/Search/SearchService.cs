using System.Net;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

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
        var kept = new string(text.Where(c => !char.IsControl(c) || c is ' ').ToArray()).Trim();
        return kept.Length > MaxTextLength ? kept[..MaxTextLength] : kept;
    }
}

public sealed record FacetValue(string Value, string Label, int Count);

public sealed record SearchHit(PublishedEntry Entry, string SnippetHtml);

public sealed record SearchResult(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>
/// Full-text search over published entries the reader may see: the GIN-indexed, weighted vector of the
/// published revision, PostgreSQL's web-search syntax, highlighted snippets, and a count for each filter value.
/// A fixed number of queries, whatever the number of results.
/// </summary>
public sealed class SearchService(PortalDbContext db)
{
    public const int StatesInFacet = 25;

    private const char MarkStart = '\u0002';
    private const char MarkEnd = '\u0003';

    /// <summary>Matching entries with every filter applied, unordered: for counts and exports.</summary>
    public IQueryable<PublishedEntry> Matching(SearchRequest request, Reader reader) =>
        request.Filters.Apply(db.PublishedEntries(reader, request.Words), db);

    public IQueryable<PublishedEntry> Ordered(SearchRequest request, Reader reader)
    {
        var matching = Matching(request, reader);
        return request.Sort == SearchSort.Relevance && request.Words is not null
            ? matching.OrderByDescending(e => e.Rank).ThenByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id)
            : matching.OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id);
    }

    public async Task<SearchResult> SearchAsync(SearchRequest request, Reader reader, CancellationToken cancellationToken)
    {
        var matching = Matching(request, reader);
        var total = await matching.CountAsync(cancellationToken);
        var page = await Ordered(request, reader)
            .Skip((Math.Max(request.Page, 1) - 1) * SearchRequest.PageSize)
            .Take(SearchRequest.PageSize)
            .ToListAsync(cancellationToken);
        var snippets = await SnippetsAsync(page, request.Words, cancellationToken);
        var hits = page.Select(e => new SearchHit(e, snippets.GetValueOrDefault(e.RevisionId) ?? WebUtility.HtmlEncode(e.Summary))).ToList();
        return new SearchResult(total, hits, await FacetsAsync(request, reader, cancellationToken));
    }

    /// <summary>Highlighted fragments of the page's entries (one query), HTML-encoded, matches in <c>&lt;mark&gt;</c>.</summary>
    private async Task<Dictionary<int, string>> SnippetsAsync(List<PublishedEntry> page, string? words, CancellationToken cancellationToken)
    {
        if (words is null || page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(e => e.RevisionId).ToList();
        var options = $"StartSel={MarkStart}, StopSel={MarkEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        var headlines = await db.Revisions.AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                Headline = EF.Functions.WebSearchToTsQuery(Data.Configurations.RevisionConfiguration.SearchConfiguration, words)
                    .GetResultHeadline(r.Summary + "\n" + r.Body, options),
            })
            .ToListAsync(cancellationToken);

        // Everything is encoded first; only the database's own markers become <mark>.
        return headlines.ToDictionary(
            h => h.Id,
            h => WebUtility.HtmlEncode(h.Headline).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
                .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal));
    }

    /// <summary>For each filter, how many of the current results each of its values would keep.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>> FacetsAsync(
        SearchRequest request, Reader reader, CancellationToken cancellationToken)
    {
        var matching = Matching(request, reader);
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();

        var norms = await matching.GroupBy(e => e.NormNumber).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        facets["norm"] = [.. norms.OrderBy(n => n.Key).Select(n => new FacetValue(n.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Norm {n.Key}", n.Count))];

        var kinds = await matching.GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        facets["kind"] = [.. kinds.OrderBy(k => k.Key).Select(k => new FacetValue(k.Key.ToString(), Pages.Shared.Labels.Kind(k.Key), k.Count))];

        var categories = await matching.SelectMany(e => e.PracticeCategories).GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        facets["category"] = [.. categories.OrderByDescending(c => c.Count).Select(c => new FacetValue(c.Key.ToString(), Pages.Shared.Labels.Category(c.Key), c.Count))];

        // A State's count includes its groups' joint entries, as the State filter does.
        var direct = await matching.Where(e => e.StateIso3 != null).GroupBy(e => e.StateIso3!)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var joint = await (
                from e in matching.Where(e => e.GroupId != null)
                join m in db.GroupMemberships on e.GroupId equals m.GroupId
                group e by m.StateIso3 into g
                select new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var stateCounts = direct.Concat(joint).GroupBy(c => c.State).Select(g => (State: g.Key, Count: g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.State).Take(StatesInFacet).ToList();
        var stateCodes = stateCounts.Select(c => c.State).ToList();
        var stateNames = await db.States.AsNoTracking().Where(s => stateCodes.Contains(s.Iso3)).ToDictionaryAsync(s => s.Iso3, s => s.Name, cancellationToken);
        facets["state"] = [.. stateCounts.Select(s => new FacetValue(s.State, stateNames[s.State], s.Count))];

        // Groups and regions: a State's entries count for its groups and region, a joint entry for its group and
        // for every region one of its members sits in — as the group and region filters keep them.
        var groupsOfStates = await (
                from e in matching.Where(e => e.StateIso3 != null)
                join m in db.GroupMemberships on e.StateIso3 equals m.StateIso3
                group e by m.GroupId into g
                select new { GroupId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var jointOfGroups = await matching.Where(e => e.GroupId != null).GroupBy(e => e.GroupId!.Value)
            .Select(g => new { GroupId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var groupCounts = groupsOfStates.Concat(jointOfGroups).GroupBy(c => c.GroupId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Abbreviation).Select(g => new { g.Id, g.Slug, g.Abbreviation }).ToListAsync(cancellationToken);
        facets["group"] = [.. groups.Where(g => groupCounts.ContainsKey(g.Id)).Select(g => new FacetValue(g.Slug, g.Abbreviation, groupCounts[g.Id]))];

        var regionsOfStates = await (
                from e in matching.Where(e => e.StateIso3 != null)
                join s in db.States on e.StateIso3 equals s.Iso3
                group e by s.RegionalGroup into g
                select new { Region = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var regionsOfJoint = await (
                from e in matching.Where(e => e.GroupId != null)
                join m in db.GroupMemberships on e.GroupId equals m.GroupId
                join s in db.States on m.StateIso3 equals s.Iso3
                group e.Id by s.RegionalGroup into g
                select new { Region = g.Key, Count = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        var regions = regionsOfStates.Concat(regionsOfJoint).GroupBy(r => r.Region).Select(g => new { Key = g.Key, Count = g.Sum(r => r.Count) }).ToList();
        facets["region"] = [.. regions.OrderBy(r => r.Key).Select(r => new FacetValue(r.Key.ToString(), Pages.Shared.Labels.Region(r.Key), r.Count))];

        var cycles = await matching.GroupBy(e => new { e.CycleId, e.CycleName }).Select(g => new { g.Key.CycleId, g.Key.CycleName, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var slugs = await db.Cycles.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Slug, cancellationToken);
        facets["cycle"] = [.. cycles.OrderBy(c => c.CycleName).Select(c => new FacetValue(slugs[c.CycleId], c.CycleName, c.Count))];

        var years = await matching.GroupBy(e => e.PublishedAt.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        facets["year"] = [.. years.OrderByDescending(y => y.Key).Select(y => new FacetValue(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Count))];

        var languages = await matching.GroupBy(e => e.Language).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        facets["language"] = [.. languages.OrderByDescending(l => l.Count).Select(l => new FacetValue(l.Key, Pages.Shared.Labels.Language(l.Key), l.Count))];
        return facets;
    }
}
