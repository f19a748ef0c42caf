using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Search;

namespace CyberNormPortal.Web.Filters;

/// <summary>A list of published entries as a query string asks for it: the filters and the page.</summary>
public sealed record EntryQuery(EntryFilters Filters, int Page = FilterLimits.FirstPage);

/// <summary>
/// The one parser of entry filters (<c>norm, kind, category, state, group, region, cycle, year, language, page</c>) and
/// of State lists (<c>states=FRA,KEN</c>), for the search page and its exports, the coverage and compare pages, the
/// feeds and the API. The limits are <see cref="FilterLimits"/>; whether a State, group or cycle exists is one query.
/// </summary>
public sealed class EntryFilterParser(ReferenceLookup references)
{
    public async Task<Parsed<EntryQuery>> ParseAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var parsed = ParseText(query);
        var filters = parsed.Value.Filters;
        var known = await references.FindAsync(Set(filters.State), Set(filters.Group), Set(filters.Cycle), cancellationToken);
        return Check(parsed, known);
    }

    /// <summary>Everything that needs no database: each value's form and limits.</summary>
    public static Parsed<EntryQuery> ParseText(IQueryCollection query)
    {
        var values = new QueryValues(query);
        var filters = new EntryFilters(
            Norm: values.Number(FilterNames.Norm, FilterLimits.FirstNorm, FilterLimits.LastNorm, FilterMessages.Norm),
            Kind: values.Choice<EntryKind>(FilterNames.Kind, FilterMessages.Kind),
            Category: values.Choice<PracticeCategory>(FilterNames.Category, FilterMessages.Category),
            State: StateCode(values, values.Single(FilterNames.State)),
            Group: values.Single(FilterNames.Group),
            Region: values.Choice<RegionalGroup>(FilterNames.Region, FilterMessages.Region),
            Cycle: values.Single(FilterNames.Cycle),
            Year: values.Number(FilterNames.Year, FilterLimits.FirstYear, FilterLimits.LastYear, FilterMessages.Year),
            Language: values.OneOf(FilterNames.Language, FilterLimits.Languages, FilterMessages.Language));
        var page = values.Number(FilterNames.Page, FilterLimits.FirstPage, FilterLimits.LastPage, FilterMessages.Page) ?? FilterLimits.FirstPage;
        return new Parsed<EntryQuery>(new EntryQuery(filters, page), values.Problems);
    }

    /// <summary>Leaves out a State, group or cycle that does not exist, naming it.</summary>
    public static Parsed<EntryQuery> Check(Parsed<EntryQuery> parsed, KnownReferences known)
    {
        var values = new QueryValues(QueryCollection.Empty);
        values.AddRange(parsed.Problems);
        var filters = parsed.Value.Filters;
        filters = filters with
        {
            State = known.State(filters.State, values),
            Group = known.Group(filters.Group, values),
            Cycle = known.Cycle(filters.Cycle, values),
        };
        return new Parsed<EntryQuery>(parsed.Value with { Filters = filters }, values.Problems);
    }

    /// <summary>
    /// A list of States (<c>states=FRA,KEN</c> or <c>states=FRA&amp;states=KEN</c>): each an existing State, each once,
    /// from <paramref name="min"/> to <paramref name="max"/> of them; the first <paramref name="max"/> known ones are kept.
    /// None at all is no problem (nothing chosen yet).
    /// </summary>
    public async Task<Parsed<IReadOnlyList<string>>> ParseStatesAsync(
        IQueryCollection query, string name, int min, int max, CancellationToken cancellationToken)
    {
        var values = new QueryValues(query);
        var asked = values.List(name).Select(State.NormaliseIso3).Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count == 0)
        {
            return new Parsed<IReadOnlyList<string>>([], values.Problems);
        }

        var known = (await references.FindAsync([.. asked.Where(State.LooksLikeIso3)], [], [], cancellationToken)).States;
        var unknown = asked.Where(s => !known.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            values.Add(name, FilterMessages.State, string.Join(", ", unknown.Select(QueryValues.Echo)));
        }

        var chosen = asked.Where(known.Contains).Take(max).ToList();
        if (asked.Count > max)
        {
            values.Add(name, FilterMessages.TooManyStates, max);
        }
        else if (chosen.Count < min)
        {
            values.Add(name, FilterMessages.TooFewStates, min);
        }

        return new Parsed<IReadOnlyList<string>>(chosen, values.Problems);
    }

    /// <summary>A State as filters name it: its ISO 3166-1 alpha-3 code, in any letter case.</summary>
    private static string? StateCode(QueryValues values, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (State.LooksLikeIso3(text))
        {
            return State.NormaliseIso3(text);
        }

        values.Add(FilterNames.State, FilterMessages.State, QueryValues.Echo(text.ToUpperInvariant()));
        return null;
    }

    private static string[] Set(string? value) => value is null ? [] : [value];
}
