using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data.Queries;

namespace CyberNormPortal.Web.Search;

/// <summary>
/// The filters analysts narrow published entries by; the same for the search page, its exports and the API.
/// Each is optional; slugs and codes are as they appear in URLs (<c>group=g7</c>, <c>state=KEN</c>).
/// </summary>
public sealed record EntryFilters(
    int? Norm = null,
    EntryKind? Kind = null,
    PracticeCategory? Category = null,
    string? State = null,
    string? Group = null,
    RegionalGroup? Region = null,
    string? Cycle = null,
    int? Year = null,
    string? Language = null)
{
    public static readonly EntryFilters None = new();

    /// <summary>
    /// Narrows <paramref name="entries"/> in SQL. A State filter keeps its own entries and its groups' joint entries;
    /// a group filter keeps its members' entries and its joint entries;
    /// a region filter keeps entries of the region's States and joint entries of groups with a member there.
    /// </summary>
    public IQueryable<PublishedEntry> Apply(IQueryable<PublishedEntry> entries)
    {
        if (Norm is { } norm)
        {
            entries = entries.Where(e => e.NormNumber == norm);
        }

        if (Kind is { } kind)
        {
            entries = entries.Where(e => e.Kind == kind);
        }

        if (Category is { } category)
        {
            var categories = new[] { category };
            entries = entries.Where(e => e.PracticeCategories.Any(c => categories.Contains(c)));
        }

        if (State is { Length: > 0 } state)
        {
            // A State's own entries and the joint entries of groups it belongs to, as the synthesis counts them.
            var iso3 = state.Trim().ToUpperInvariant();
            var states = new[] { iso3 };
            entries = entries.Where(e => e.ReportingStates.Any(s => states.Contains(s)));
        }

        if (Group is { Length: > 0 } group)
        {
            var groups = new[] { group };
            entries = entries.Where(e => e.Groups.Any(g => groups.Contains(g)));
        }

        if (Region is { } region)
        {
            var regions = new[] { region };
            entries = entries.Where(e => e.Regions.Any(r => regions.Contains(r)));
        }

        if (Cycle is { Length: > 0 } cycle)
        {
            entries = entries.Where(e => e.CycleSlug == cycle);
        }

        if (Year is { } year)
        {
            var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var to = from.AddYears(1);
            entries = entries.Where(e => e.PublishedAt >= from && e.PublishedAt < to);
        }

        if (Language is { Length: > 0 } language)
        {
            // Entries a reader of the language can read: written in it, or translated into it.
            var languages = new[] { language };
            entries = entries.Where(e => e.Languages.Any(l => languages.Contains(l)));
        }

        return entries;
    }
}
