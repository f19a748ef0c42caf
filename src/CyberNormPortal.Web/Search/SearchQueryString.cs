using System.Globalization;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberNormPortal.Web.Search;

/// <summary>
/// A search's stable, shareable URL: <c>/search?q=…&amp;norm=3&amp;kind=BestPractice&amp;state=KEN&amp;sort=newest&amp;page=2</c>.
/// Reading one never fails: a value that makes no sense is left out and named in <see cref="Problems"/>.
/// </summary>
public sealed record SearchQueryString(SearchRequest Request, IReadOnlyDictionary<string, string> Problems)
{
    public static readonly string[] FilterNames = ["norm", "kind", "category", "state", "group", "region", "cycle", "year", "language"];

    public static SearchQueryString Parse(IQueryCollection query)
    {
        var problems = new Dictionary<string, string>();
        string? Text(string name) => query[name].FirstOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        int? Number(string name, int min, int max)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            problems[name] = $"“{Short(text)}” is not a {name} the portal knows; that filter was left out.";
            return null;
        }

        T? Choice<T>(string name) where T : struct, Enum
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
            {
                return value;
            }

            problems[name] = $"“{Short(text)}” is not a {name} the portal knows; that filter was left out.";
            return null;
        }

        string? Code(string name, Func<string, bool> valid)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (text.Length <= 60 && valid(text))
            {
                return text;
            }

            problems[name] = $"“{Short(text)}” is not a {name} the portal knows; that filter was left out.";
            return null;
        }

        var filters = new EntryFilters(
            Norm: Number("norm", 1, 11),
            Kind: Choice<EntryKind>("kind"),
            Category: Choice<PracticeCategory>("category"),
            State: Code("state", s => s.Length == 3 && s.All(char.IsAsciiLetter))?.ToUpperInvariant(),
            Group: Code("group", s => s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')),
            Region: Choice<RegionalGroup>("region"),
            Cycle: Code("cycle", s => s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')),
            Year: Number("year", 1990, 2100),
            Language: Code("language", s => s.Length <= 10 && s.All(c => char.IsAsciiLetter(c) || c == '-')));
        var sort = Text("sort") is { } s && s.Equals("newest", StringComparison.OrdinalIgnoreCase) ? SearchSort.Newest : SearchSort.Relevance;
        var page = Number("page", 1, 100_000) ?? 1;
        return new SearchQueryString(new SearchRequest(query["q"].FirstOrDefault(), filters, sort, page), problems);
    }

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

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
