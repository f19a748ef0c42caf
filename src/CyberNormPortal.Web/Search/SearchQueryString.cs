using CyberNormPortal.Web.Filters;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberNormPortal.Web.Search;

/// <summary>
/// A search's stable, shareable URL: <c>/search?q=…&amp;norm=3&amp;kind=BestPractice&amp;state=KEN&amp;sort=newest&amp;page=2</c>.
/// The filters and page are read by <see cref="EntryFilterParser"/>; a value that makes no sense is left out and
/// named in <see cref="Problems"/>.
/// </summary>
public sealed record SearchQueryString(SearchRequest Request, IReadOnlyList<InputProblem> Problems)
{
    public static async Task<SearchQueryString> ParseAsync(IQueryCollection query, EntryFilterParser parser, CancellationToken cancellationToken)
    {
        var parsed = await parser.ParseAsync(query, cancellationToken);
        var sort = query["sort"].FirstOrDefault() is { } s && s.Trim().Equals("newest", StringComparison.OrdinalIgnoreCase)
            ? SearchSort.Newest
            : SearchSort.Relevance;
        return new SearchQueryString(new SearchRequest(query["q"].FirstOrDefault(), parsed.Value.Filters, sort, parsed.Value.Page), parsed.Problems);
    }

    public InputProblem? ProblemWith(string parameter) => Problems.FirstOrDefault(p => p.Parameter == parameter);

    /// <summary>The parameters to leave out of links that repeat this search (downloads): those with a problem.</summary>
    public (string Name, string? Value)[] WithoutProblems => [.. Problems.Select(p => (p.Parameter, (string?)null)).Distinct()];

    /// <summary>The URL of this search with some parameters changed (null removes one); paging restarts unless given.</summary>
    public static string Url(string path, IQueryCollection current, params (string Name, string? Value)[] changes)
    {
        var values = current.Where(p => p.Key != "page" && p.Key != "handler")
            .ToDictionary(p => p.Key, p => (string?)p.Value.FirstOrDefault(), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
