using System.ComponentModel;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Search;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Mvc;

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

    [FromQuery(Name = "language"), Description("BCP 47 language tag of the entry's text, e.g. en.")]
    public string? Language { get; init; }

    [FromQuery(Name = "page"), Description("Page number, from 1.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Entries per page, 1 to 200; 50 when absent.")]
    public string? PageSize { get; init; }

    /// <summary>The filters and paging asked for, or the problems with each parameter.</summary>
    public (EntryFilters Filters, int Page, int PageSize) Parse(QueryErrors errors)
    {
        var filters = new EntryFilters(
            Norm: errors.Int(Norm, "norm", 1, Domain.Norms.Norm.Count),
            Kind: errors.Enum<EntryKind>(Kind, "kind"),
            Category: errors.Enum<PracticeCategory>(Category, "category"),
            State: errors.Iso3(errors.Plain(State, "state"), "state"),
            Group: errors.Plain(Group, "group"),
            Region: errors.Enum<RegionalGroup>(Region, "region"),
            Cycle: errors.Plain(Cycle, "cycle"),
            Year: errors.Int(Year, "year", 1900, 9999),
            Language: errors.Text(errors.Plain(Language, "language"), "language", 35));
        var page = errors.Int(Page, "page", 1, 100_000) ?? 1;
        var pageSize = errors.Int(PageSize, "pageSize", 1, MaxPageSize) ?? DefaultPageSize;
        return (filters, page, pageSize);
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
public sealed class QueryErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message) => _errors[parameter] = [message];

    /// <summary>
    /// The value trimmed, or null when blank. A value with control characters names nothing the portal has and
    /// PostgreSQL would refuse NUL (<see cref="TypedText"/>): it is reported and never reaches a query.
    /// </summary>
    public string? Plain(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TypedText.HasControlCharacters(value))
        {
            Add(parameter, $"'{parameter}' contains control characters.");
            return null;
        }

        return value.Trim();
    }

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(_errors, title: "Invalid query parameters: " + string.Join(", ", _errors.Keys));

    public int? Int(string? value, string parameter, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
        {
            return number;
        }

        Add(parameter, $"'{parameter}' must be a whole number from {min} to {max}.");
        return null;
    }

    public TEnum? Enum<TEnum>(string? value, string parameter)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (char.IsAsciiLetter(text[0]) && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Add(parameter, $"'{parameter}' must be one of: {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => ApiJson.EnumValue(v)))}.");
        return null;
    }

    public string? Iso3(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (State.LooksLikeIso3(value.Trim()))
        {
            return State.NormaliseIso3(value);
        }

        Add(parameter, $"'{parameter}' must be a three-letter ISO 3166-1 alpha-3 code, such as KEN.");
        return null;
    }

    public string? Text(string? value, string parameter, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Trim().Length <= maxLength)
        {
            return value.Trim();
        }

        Add(parameter, $"'{parameter}' must be at most {maxLength} characters.");
        return null;
    }
}

/// <summary>How the API writes enum values: camelCase names, as in its JSON.</summary>
internal static class ApiJson
{
    public static string EnumValue<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
