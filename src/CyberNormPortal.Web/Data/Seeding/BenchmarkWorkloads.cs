using System.Globalization;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Api;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Data.Seeding;

/// <summary>
/// <c>dotnet CyberNormPortal.Web.dll benchmark-urls DIR</c>: the benchmark's requests (docs/benchmarks/), drawn at
/// random (fixed seed) from what the database holds, as "kind TAB language TAB path" lines:
/// <list type="bullet">
/// <item><c>search.tsv</c>: searches as analysts type them — common and rare words of the generated texts, phrases,
/// <c>or</c>, <c>-word</c>, in English, French and Spanish, with 0–3 filters, by relevance or newest, pages 1–5;</item>
/// <item><c>mixed.tsv</c>: a day of use — searches, synthesis and coverage of random scopes, entry, State and norm
/// pages, API lists and items, feeds;</item>
/// <item><c>api.tsv</c>: every API list and item endpoint, each its own kind.</item>
/// </list>
/// </summary>
public sealed class BenchmarkWorkloads(PortalDbContext db)
{
    public const int SearchRequests = 6000;
    public const int MixedRequests = 8000;
    public const int ApiRequests = 4000;

    public async Task<int> WriteAsync(string directory, TextWriter output, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var states = await db.States.AsNoTracking().OrderBy(s => s.Iso3).Select(s => s.Iso3).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Slug).Select(g => g.Slug).ToListAsync(cancellationToken);
        var cycles = await db.Cycles.AsNoTracking().OrderBy(c => c.Slug).Select(c => c.Slug).ToListAsync(cancellationToken);
        // Entries anonymous readers may open, a sample spread over the whole table.
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Published && e.Visibility == TlpLabel.Clear)
            .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            await output.WriteLineAsync("No published entries: run generate-data first.");
            return 1;
        }

        var scope = new Scope(states, groups, cycles, entries);
        var random = new Random(2026);
        await WriteAsync(Path.Combine(directory, "search.tsv"), Enumerable.Range(0, SearchRequests).Select(_ => Search(random, scope)), cancellationToken);
        await WriteAsync(Path.Combine(directory, "mixed.tsv"), Enumerable.Range(0, MixedRequests).Select(_ => Mixed(random, scope)), cancellationToken);
        await WriteAsync(Path.Combine(directory, "api.tsv"), Enumerable.Range(0, ApiRequests).Select(_ => Api(random, scope)), cancellationToken);
        await output.WriteLineAsync($"Wrote {SearchRequests} searches, {MixedRequests} mixed and {ApiRequests} API requests to {directory}.");
        return 0;
    }

    private sealed record Scope(List<string> States, List<string> Groups, List<string> Cycles, List<int> Entries);

    private sealed record Request(string Kind, string Language, string Path);

    private static async Task WriteAsync(string path, IEnumerable<Request> requests, CancellationToken cancellationToken) =>
        await File.WriteAllLinesAsync(path, requests.Select(r => $"{r.Kind}\t{r.Language}\t{(r.Language.Length == 0 ? "" : "/" + r.Language)}{r.Path}"), cancellationToken);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => BenchmarkDataGenerator.Pick(random, items);

    /// <summary>A search: the language of the reader and of the words, the words, 0–3 filters, the order, a page.</summary>
    private static Request Search(Random random, Scope scope)
    {
        var roll = random.Next(100);
        var vocabulary = roll < 70 ? BenchmarkVocabulary.English : roll < 85 ? BenchmarkVocabulary.French : BenchmarkVocabulary.Spanish;
        var words = vocabulary.Words();
        var text = random.Next(100) switch
        {
            < 40 => Pick(random, words),
            < 55 => $"{Pick(random, words)} {Pick(random, words)}",
            < 65 => $"\"{Pick(random, vocabulary.Phrases())}\"",
            < 73 => $"{Pick(random, words)} or {Pick(random, words)}",
            < 80 => $"{Pick(random, words)} -{Pick(random, words)}",
            < 90 => Pick(random, scope.States), // rare: a State's code is in its own entries' bodies only
            < 93 => "zzyzx", // matches nothing
            _ => null, // filters only
        };
        var query = new List<(string, string)>();
        if (text is not null)
        {
            query.Add(("q", text));
        }

        query.AddRange(Filters(random, scope, random.Next(text is null ? 1 : 0, 4)));
        if (random.Next(100) < 30)
        {
            query.Add(("sort", "newest"));
        }

        var page = random.Next(100) < 60 ? 1 : random.Next(2, 6);
        if (page > 1)
        {
            query.Add((FilterNames.Page, page.ToString(CultureInfo.InvariantCulture)));
        }

        return new Request("search", vocabulary.Language, "/search" + QueryString(query));
    }

    private static IEnumerable<(string, string)> Filters(Random random, Scope scope, int count)
    {
        var all = new Func<(string, string)>[]
        {
            () => (FilterNames.Norm, random.Next(1, Norm.Count + 1).ToString(CultureInfo.InvariantCulture)),
            () => (FilterNames.Region, Pick(random, Enum.GetValues<RegionalGroup>()).ToString()),
            () => (FilterNames.State, Pick(random, scope.States)),
            () => (FilterNames.Group, Pick(random, scope.Groups)),
            () => (FilterNames.Cycle, Pick(random, scope.Cycles)),
            () => (FilterNames.Kind, Pick(random, Enum.GetValues<EntryKind>()).ToString()),
            () => (FilterNames.Category, Pick(random, Enum.GetValues<PracticeCategory>()).ToString()),
            () => (FilterNames.Language, Pick(random, BenchmarkDataGenerator.Vocabularies).Language),
            () => (FilterNames.Year, random.Next(2024, 2027).ToString(CultureInfo.InvariantCulture)),
        };
        return all.OrderBy(_ => random.Next()).Take(count).Select(f => f()).ToList();
    }

    /// <summary>A synthesis or coverage scope: each of group, cycle and region present or not.</summary>
    private static List<(string, string)> ScopeQuery(Random random, Scope scope)
    {
        var query = new List<(string, string)>();
        if (random.Next(2) == 0)
        {
            query.Add((FilterNames.Group, Pick(random, scope.Groups)));
        }

        if (random.Next(2) == 0)
        {
            query.Add((FilterNames.Cycle, Pick(random, scope.Cycles)));
        }

        if (random.Next(2) == 0)
        {
            query.Add((FilterNames.Region, Pick(random, Enum.GetValues<RegionalGroup>()).ToString()));
        }

        return query;
    }

    /// <summary>A day of use, in proportions an analyst's and a visitor's day might have.</summary>
    private static Request Mixed(Random random, Scope scope)
    {
        var language = Pick(random, PortalCultures.All).Name;
        var roll = random.Next(100);
        if (roll < 35)
        {
            return Search(random, scope);
        }

        if (roll < 45)
        {
            var query = ScopeQuery(random, scope);
            if (random.Next(3) == 0)
            {
                query.Add((FilterNames.View, "category"));
            }

            return new Request("synthesis", language, "/synthesis" + QueryString(query));
        }

        if (roll < 55)
        {
            return new Request("coverage", language, "/coverage" + QueryString(ScopeQuery(random, scope)));
        }

        if (roll < 75)
        {
            return new Request("entry", language, $"/entries/{Pick(random, scope.Entries)}");
        }

        if (roll < 83)
        {
            return new Request("state", language, $"/states/{Pick(random, scope.States)}");
        }

        if (roll < 88)
        {
            return new Request("norm", language, $"/norms/{random.Next(1, Norm.Count + 1)}");
        }

        if (roll < 97)
        {
            var api = Api(random, scope);
            return api with { Kind = api.Kind.Contains("/{", StringComparison.Ordinal) ? "api-item" : "api-list" };
        }

        var feed = random.Next(3) switch
        {
            0 => "/feed.atom",
            1 => $"/norms/{random.Next(1, Norm.Count + 1)}/feed.atom",
            _ => $"/states/{Pick(random, scope.States)}/feed.atom",
        };
        return new Request("feed", language, feed);
    }

    /// <summary>One API request; its kind names the endpoint (<c>api /entries/{id}</c>).</summary>
    private static Request Api(Random random, Scope scope)
    {
        var prefix = ApiLinks.Prefix;
        var (endpoint, path) = random.Next(11) switch
        {
            0 => ("/norms", "/norms"),
            1 => ("/norms/{number}", $"/norms/{random.Next(1, Norm.Count + 1)}"),
            2 => ("/states", "/states"),
            3 => ("/states/{iso3}", $"/states/{Pick(random, scope.States)}"),
            4 => ("/groups", "/groups"),
            5 => ("/groups/{slug}", $"/groups/{Pick(random, scope.Groups)}"),
            6 => ("/cycles", "/cycles"),
            7 => ("/cycles/{slug}", $"/cycles/{Pick(random, scope.Cycles)}"),
            8 => ("/entries", "/entries" + QueryString([.. Filters(random, scope, random.Next(0, 3)), (FilterNames.Page, random.Next(1, 6).ToString(CultureInfo.InvariantCulture))])),
            9 => ("/entries/{id}", $"/entries/{Pick(random, scope.Entries)}"),
            _ => ("/synthesis", "/synthesis" + QueryString(ScopeQuery(random, scope))),
        };
        // The API is not under a language prefix (its language is a query value), so no language and no cookie.
        return new Request($"api {endpoint}", "", prefix + path);
    }

    private static string QueryString(IEnumerable<(string Name, string Value)> query)
    {
        var parts = query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
