using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Capacity;

/// <summary>
/// What a list of needs and offers asks for (<c>/capacity</c>, its CSVs, the API): a side (both when null), a norm, a
/// kind of help, a region (a need's State's, an offer's regions served), a language, words, the owning State, a page.
/// </summary>
public sealed record CapacityFilters(
    CapacitySide? Side = null,
    int? Norm = null,
    KindOfHelp? Kind = null,
    RegionalGroup? Region = null,
    string? Language = null,
    string? Words = null,
    string? State = null,
    int Page = FilterLimits.FirstPage)
{
    public static readonly CapacityFilters None = new();
}

/// <summary>The query-string names of the capacity filters (norm, kind, region, language, state, page are shared with entries).</summary>
public static class CapacityFilterNames
{
    public const string Side = "side";
    public const string Words = "q";

    /// <summary>The filters in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Side, FilterNames.Norm, FilterNames.Kind, FilterNames.Region, FilterNames.Language, FilterNames.State, Words];
}

/// <summary>The messages of capacity filters' problems that entry filters have no equivalent of (keys of SharedResource).</summary>
public static class CapacityFilterMessages
{
    public const string Side = "“{0}” is not a side: choose needs, offers or both.";
    public const string Kind = "“{0}” is not a kind of help the portal knows. Choose one from the list.";

    public static readonly IReadOnlyList<string> All = [Side, Kind];
}

/// <summary>
/// The one parser of capacity filters. A value that makes no sense is left out and named in the problems: the page
/// shows them next to the field, the CSV and the API answer 400.
/// </summary>
public static class CapacityFilterParser
{
    public static Parsed<CapacityFilters> Parse(IQueryCollection query)
    {
        var values = new QueryValues(query);
        var filters = new CapacityFilters(
            Side: SideOf(values),
            Norm: values.Number(FilterNames.Norm, FilterLimits.FirstNorm, FilterLimits.LastNorm, FilterMessages.Norm),
            Kind: values.Choice<KindOfHelp>(FilterNames.Kind, CapacityFilterMessages.Kind),
            Region: values.Choice<RegionalGroup>(FilterNames.Region, FilterMessages.Region),
            Language: values.PortalLanguage(FilterNames.Language),
            Words: Words(values.Single(CapacityFilterNames.Words)),
            State: StateOf(values),
            Page: values.Number(FilterNames.Page, FilterLimits.FirstPage, FilterLimits.LastPage, FilterMessages.Page) ?? FilterLimits.FirstPage);
        return new Parsed<CapacityFilters>(filters, values.Problems);
    }

    /// <summary><c>side=need</c> or <c>needs</c>, <c>offer</c> or <c>offers</c>, <c>both</c> or absent for both.</summary>
    private static CapacitySide? SideOf(QueryValues values) =>
        values.Single(CapacityFilterNames.Side)?.ToLowerInvariant() switch
        {
            null or "both" => null,
            "need" or "needs" => CapacitySide.Need,
            "offer" or "offers" => CapacitySide.Offer,
            var other => Refuse(values, CapacityFilterNames.Side, CapacityFilterMessages.Side, other),
        };

    private static string? StateOf(QueryValues values)
    {
        if (values.Single(FilterNames.State) is not { } text)
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

    /// <summary>The words as searched: cut to the search page's limit.</summary>
    private static string? Words(string? text) => text is null ? null : text.Length > SearchRequest.MaxTextLength ? text[..SearchRequest.MaxTextLength] : text;

    private static CapacitySide? Refuse(QueryValues values, string name, string message, string text)
    {
        values.Add(name, message, QueryValues.Echo(text));
        return null;
    }

    /// <summary>The filters as query-string pairs, for links and forms that keep them (the page left out).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToQuery(CapacityFilters filters)
    {
        if (filters.Side is { } side)
        {
            yield return new(CapacityFilterNames.Side, side == CapacitySide.Need ? "need" : "offer");
        }

        if (filters.Norm is { } norm)
        {
            yield return new(FilterNames.Norm, norm.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (filters.Kind is { } kind)
        {
            yield return new(FilterNames.Kind, kind.ToString());
        }

        if (filters.Region is { } region)
        {
            yield return new(FilterNames.Region, region.ToString());
        }

        if (filters.Language is { } language)
        {
            yield return new(FilterNames.Language, language);
        }

        if (filters.State is { } state)
        {
            yield return new(FilterNames.State, state);
        }

        if (filters.Words is { } words)
        {
            yield return new(CapacityFilterNames.Words, words);
        }
    }
}

/// <summary>One need or offer as lists, exports and the API show it: no description, owner's name resolved.</summary>
public sealed record CapacityRow(
    int Id,
    CapacitySide Side,
    string? StateIso3,
    string? StateName,
    int? OrganisationId,
    string? OrganisationName,
    string Title,
    List<int> Norms,
    List<string> ActionKeys,
    List<PracticeCategory> Categories,
    List<KindOfHelp> Kinds,
    List<string> Languages,
    List<RegionalGroup> Regions,
    string? Timing,
    DateOnly? AvailableFrom,
    DateOnly? AvailableUntil,
    TlpLabel Visibility,
    EntryStatus Status,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? MatchedAt)
{
    public bool IsMatched => MatchedAt is not null;

    /// <summary>The item's page (H-MATCH's <c>/capacity/{id}</c>), relative to the portal's root.</summary>
    public string Path => CapacityListing.ItemPath(Id);
}

/// <summary>
/// The reads of needs and offers shared by the list, the norm and State pages, the coverage view, the CSVs and the API:
/// filters in the form the GIN indexes serve, and one projection. Visibility is <see cref="CapacityVisibility"/>'s.
/// </summary>
public static class CapacityListing
{
    /// <summary>How many needs and how many offers a norm or State page shows before linking to the list.</summary>
    public const int SectionSize = 10;

    /// <summary>The text search configuration of the expression index <c>IX_CapacityItems_Text</c> (migration CapacityBuilding).</summary>
    public const string TextConfiguration = "simple";

    public static string ItemPath(int id) => $"/capacity/{id}";

    /// <summary>
    /// Narrows <paramref name="items"/> by <paramref name="filters"/> (not by page). Arrays are compared with
    /// <c>@&gt;</c> (array containment), which the GIN indexes serve; the words with the expression of the text index.
    /// </summary>
    public static IQueryable<CapacityItem> Filter(this IQueryable<CapacityItem> items, CapacityFilters filters, PortalDbContext db)
    {
        if (filters.Side is { } side)
        {
            items = items.Where(i => i.Side == side);
        }

        if (filters.Norm is { } norm)
        {
            var norms = new List<int> { norm };
            items = items.Where(i => norms.All(n => i.Norms.Contains(n)));
        }

        if (filters.Kind is { } kind)
        {
            var kinds = new List<KindOfHelp> { kind };
            items = items.Where(i => kinds.All(k => i.Kinds.Contains(k)));
        }

        if (filters.Language is { } language)
        {
            var languages = new List<string> { language };
            items = items.Where(i => languages.All(l => i.Languages.Contains(l)));
        }

        if (filters.Region is { } region)
        {
            var regions = new List<RegionalGroup> { region };
            var inRegion = db.States.Where(s => s.RegionalGroup == region).Select(s => s.Iso3);
            items = items.Where(i =>
                (i.Side == CapacitySide.Need && inRegion.Contains(i.StateIso3!))
                || (i.Side == CapacitySide.Offer && regions.All(r => i.Regions.Contains(r))));
        }

        if (filters.State is { } state)
        {
            items = items.Where(i => i.StateIso3 == state);
        }

        if (filters.Words is { } words)
        {
            items = items.Where(i => EF.Functions.ToTsVector(TextConfiguration, i.Title + " " + i.Description)
                .Matches(EF.Functions.WebSearchToTsQuery(TextConfiguration, words)));
        }

        return items;
    }

    /// <summary>Newest publication first; the index (Side, Status, PublishedAt) serves it.</summary>
    public static IOrderedQueryable<CapacityItem> Newest(this IQueryable<CapacityItem> items) =>
        items.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id);

    /// <summary>The one projection: the owner's name by a scalar subquery, so a page of rows is one query.</summary>
    public static IQueryable<CapacityRow> Rows(this IQueryable<CapacityItem> items, PortalDbContext db) =>
        items.Select(i => new CapacityRow(
            i.Id,
            i.Side,
            i.StateIso3,
            db.States.Where(s => s.Iso3 == i.StateIso3).Select(s => s.Name).FirstOrDefault(),
            i.OrganisationId,
            db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            i.Title,
            i.Norms,
            i.ActionKeys,
            i.Categories,
            i.Kinds,
            i.Languages,
            i.Regions,
            i.Timing,
            i.AvailableFrom,
            i.AvailableUntil,
            i.Visibility,
            i.Status,
            i.PublishedAt,
            i.MatchedAt));

    /// <summary>
    /// The first <see cref="SectionSize"/> needs and the first offers of <paramref name="items"/>, newest first, in one
    /// query (a UNION ALL of the two sides): the capacity sections of the norm and State pages.
    /// </summary>
    public static async Task<CapacitySection> SectionAsync(
        this IQueryable<CapacityItem> items, PortalDbContext db, CancellationToken cancellationToken)
    {
        var needs = items.Where(i => i.Side == CapacitySide.Need).Newest().Take(SectionSize);
        var offers = items.Where(i => i.Side == CapacitySide.Offer).Newest().Take(SectionSize);
        var rows = await needs.Concat(offers).Rows(db).ToListAsync(cancellationToken);
        static List<CapacityRow> Of(IEnumerable<CapacityRow> side) =>
            [.. side.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)];
        return new CapacitySection(Of(rows.Where(r => r.Side == CapacitySide.Need)), Of(rows.Where(r => r.Side == CapacitySide.Offer)));
    }
}

/// <summary>A norm's or State's needs and offers as its page shows them (the first of each), with the list's link.</summary>
public sealed record CapacitySection(IReadOnlyList<CapacityRow> Needs, IReadOnlyList<CapacityRow> Offers)
{
    public static readonly CapacitySection Empty = new([], []);

    public bool IsEmpty => Needs.Count == 0 && Offers.Count == 0;
}
