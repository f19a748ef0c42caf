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

    /// <summary>
    /// <c>"SearchQuery"(language, query)</c>: the words <paramref name="text"/> as a reader of <paramref name="language"/>
    /// means them, parsed once per search and then passed to its queries as a value. Written inside each query instead,
    /// PostgreSQL would parse it again while planning each of them (about a millisecond every time).
    /// </summary>
    public static async Task<NpgsqlTsQuery> ParseAsync(this PortalDbContext db, string language, string text, CancellationToken cancellationToken) =>
        // Every hole of the string is a parameter, so the function's name (QueryFunction) is written out.
        await db.Database.SqlQuery<NpgsqlTsQuery>($"SELECT \"SearchQuery\"({language}, {text}) AS \"Value\"").SingleAsync(cancellationToken);
}
