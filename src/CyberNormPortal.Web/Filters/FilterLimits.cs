using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Web.Pages.Entries;

namespace CyberNormPortal.Web.Filters;

/// <summary>
/// The limits of every filter in a query string — search, its exports, coverage, compare, synthesis, feeds and the
/// API read them from here, through <see cref="EntryFilterParser"/> and <see cref="SynthesisScopeParser"/>.
/// </summary>
public static class FilterLimits
{
    public const int FirstNorm = 1;

    public const int LastNorm = Norm.Count;

    /// <summary>Years of publication a filter may name; the portal holds nothing published before the first.</summary>
    public const int FirstYear = 1990;

    public const int LastYear = 2100;

    public const int FirstPage = 1;

    /// <summary>Far beyond any result list; keeps OFFSET arithmetic small.</summary>
    public const int LastPage = 100_000;

    /// <summary>How much of a refused value a message repeats.</summary>
    public const int EchoedLength = 40;

    /// <summary>The languages entries are written in: the entry form's list.</summary>
    public static IReadOnlyList<string> Languages => EntryFormValidator.Languages;
}

/// <summary>The query-string names of the filters, as they appear in stable, shareable URLs.</summary>
public static class FilterNames
{
    public const string Norm = "norm";
    public const string Kind = "kind";
    public const string Category = "category";
    public const string State = "state";
    public const string States = "states";
    public const string Group = "group";
    public const string Region = "region";
    public const string Cycle = "cycle";
    public const string Year = "year";
    public const string Language = "language";
    public const string Page = "page";
    public const string PageSize = "pageSize";
    public const string View = "view";

    /// <summary>The language version of entries and lead statements asked for (the API's <c>lang=</c>), one of the portal's six.</summary>
    public const string Version = "lang";

    /// <summary>The filters of a list of entries, in the order pages show them.</summary>
    public static readonly IReadOnlyList<string> EntryFilters = [Norm, Kind, Category, State, Group, Region, Cycle, Year, Language];
}
