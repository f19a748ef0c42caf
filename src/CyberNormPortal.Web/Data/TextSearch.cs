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

    /// <summary><c>"ParsedQuery"(text)</c> (migration SearchVectorInline): a query <see cref="ParseAsync"/> parsed, read back as is.</summary>
    public const string ParsedFunction = "ParsedQuery";

    /// <summary>
    /// <c>"SearchQuery"(language, query)</c>: the words <paramref name="text"/> as a reader of <paramref name="language"/>
    /// means them, parsed once per search and then passed to its queries as the query's text (through
    /// <see cref="Parsed"/>). Written inside each query instead, PostgreSQL parsed the words again while planning each of
    /// them (about a millisecond every time). Text, not Npgsql's tsquery type: writing some parsed queries back as that
    /// type failed inside Npgsql ("Not enough space left in buffer").
    /// </summary>
    public static async Task<string> ParseAsync(this PortalDbContext db, string language, string text, CancellationToken cancellationToken) =>
        // Every hole of the string is a parameter, so the function's name (QueryFunction) is written out.
        await db.Database.SqlQuery<string>($"SELECT \"SearchQuery\"({language}, {text})::text AS \"Value\"").SingleAsync(cancellationToken);

    /// <summary><c>"ParsedQuery"(query)</c> in LINQ: the text of a query <see cref="ParseAsync"/> returned, as a query.</summary>
    public static NpgsqlTsQuery Parsed(string query) =>
        throw new InvalidOperationException("Only for queries: PostgreSQL evaluates it.");

    internal static void Map(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(Parsed))!).HasName(ParsedFunction).IsBuiltIn(false);
}
