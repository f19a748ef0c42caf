using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CyberNormPortal.Web.Data;

/// <summary>
/// Full-text search in every language, done by SQL functions of migration <c>SearchInEveryLanguage</c> (ADR 12), so
/// the stored vectors, the queries and the snippets follow one definition:
/// <list type="bullet">
/// <item><c>"TextSearchConfiguration"(language)</c>: the PostgreSQL configuration of a language tag (ar → arabic,
/// en → english, fr → french, ru → russian, es → spanish …; zh and anything else → simple).</item>
/// <item><c>"HanBigrams"(text)</c>: every run of Han characters written as its overlapping two-character pairs, so
/// Chinese, which has no spaces between words, is searchable by any two-character word.</item>
/// <item><c>"LanguageVector"(language, title, summary, body)</c>: one language version, weighted A/B/C, with its own
/// configuration and, unstemmed, with <c>simple</c>.</item>
/// <item><c>"SearchQuery"(language, query)</c>: web-search syntax parsed with the reader's configuration OR'd with
/// <c>simple</c>, Han characters as bigrams.</item>
/// </list>
/// </summary>
public static class TextSearch
{
    public const string ConfigurationFunction = "TextSearchConfiguration";

    public const string HanBigramsFunction = "HanBigrams";

    public const string LanguageVectorFunction = "LanguageVector";

    public const string QueryFunction = "SearchQuery";

    /// <summary><c>"SearchQuery"(language, query)</c> in LINQ: the query <paramref name="text"/> as a reader of <paramref name="language"/> means it.</summary>
    public static NpgsqlTsQuery Query(string language, string text) =>
        throw new InvalidOperationException("Only for queries: PostgreSQL evaluates it.");

    internal static void Map(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(Query))!).HasName(QueryFunction).IsBuiltIn(false);
}
