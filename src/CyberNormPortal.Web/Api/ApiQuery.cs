using System.ComponentModel;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Api;

/// <summary>
/// The query string of <c>GET /api/v1/entries</c>, taken as text so a bad value is answered with a 400 naming the
/// parameter rather than a bare binding failure.
/// </summary>
public sealed class EntryListQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    [FromQuery(Name = "norm"), Description("Norm number, 1 to 11.")]
    public string? Norm { get; init; }

    [FromQuery(Name = "kind"), Description("Entry kind: implementationStep, bestPractice, lessonLearned or challenge.")]
    public string? Kind { get; init; }

    [FromQuery(Name = "category"), Description("Practice category, e.g. institutionsAndCerts.")]
    public string? Category { get; init; }

    [FromQuery(Name = "state"), Description("ISO 3166-1 alpha-3 code of the reporting State, e.g. KEN.")]
    public string? State { get; init; }

    [FromQuery(Name = "group"), Description("Group slug, e.g. g7: the group's joint entries and its members' entries.")]
    public string? Group { get; init; }

    [FromQuery(Name = "region"), Description("UN regional group, e.g. african.")]
    public string? Region { get; init; }

    [FromQuery(Name = "cycle"), Description("Reporting cycle slug, e.g. g7-cni-2019.")]
    public string? Cycle { get; init; }

    [FromQuery(Name = "year"), Description("Year of publication, e.g. 2019.")]
    public string? Year { get; init; }

    [FromQuery(Name = "language"), Description("BCP 47 language tag: entries that can be read in it, written in it or translated into it, e.g. en.")]
    public string? Language { get; init; }

    [FromQuery(Name = "lang"), Description("Language to return titles and summaries in where the entry has a version in it: ar, zh, en, fr, ru or es. Absent: each entry's original.")]
    public string? Lang { get; init; }

    [FromQuery(Name = "page"), Description("Page number, from 1.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Entries per page, 1 to 200; 50 when absent.")]
    public string? PageSize { get; init; }

    /// <summary>
    /// The filters and paging asked for, read by the portal's one parser of entry filters (the properties above
    /// document the parameters for the OpenAPI document), or the problems with each parameter.
    /// </summary>
    public static async Task<Parsed<(EntryFilters Filters, int Page, int PageSize, string? Lang)>> ParseAsync(
        IQueryCollection query, EntryFilterParser parser, CancellationToken cancellationToken)
    {
        var parsed = await parser.ParseAsync(query, cancellationToken);
        var values = new QueryValues(query);
        values.AddRange(parsed.Problems);
        var pageSize = values.Number(FilterNames.PageSize, 1, MaxPageSize, FilterMessages.PageSize) ?? DefaultPageSize;
        var lang = values.PortalLanguage(FilterNames.Version);
        return new Parsed<(EntryFilters, int, int, string?)>((parsed.Value.Filters, parsed.Value.Page, pageSize, lang), values.Problems);
    }

    /// <summary>The filters as query-string pairs, normalised, for links that keep them.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToQuery(EntryFilters filters)
    {
        if (filters.Norm is { } norm)
        {
            yield return new("norm", norm.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (filters.Kind is { } kind)
        {
            yield return new("kind", ApiJson.EnumValue(kind));
        }

        if (filters.Category is { } category)
        {
            yield return new("category", ApiJson.EnumValue(category));
        }

        if (filters.State is { } state)
        {
            yield return new("state", state);
        }

        if (filters.Group is { } group)
        {
            yield return new("group", group);
        }

        if (filters.Region is { } region)
        {
            yield return new("region", ApiJson.EnumValue(region));
        }

        if (filters.Cycle is { } cycle)
        {
            yield return new("cycle", cycle);
        }

        if (filters.Year is { } year)
        {
            yield return new("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (filters.Language is { } language)
        {
            yield return new("language", language);
        }
    }

}

/// <summary>Problems with query parameters, by parameter name, answered as one 400 validation problem.</summary>
public static class ApiProblems
{
    public static ValidationProblem ToValidationProblem(this IEnumerable<InputProblem> problems, IStringLocalizer localizer)
    {
        var errors = problems.GroupBy(p => p.Parameter, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Format(localizer)).Distinct().ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, title: "Invalid query parameters: " + string.Join(", ", errors.Keys));
    }
}

/// <summary>How the API writes enum values: camelCase names, as in its JSON.</summary>
internal static class ApiJson
{
    public static string EnumValue<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
