using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
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
    public IQueryable<PublishedEntry> Apply(IQueryable<PublishedEntry> entries, PortalDbContext db)
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
            entries = entries.Where(e => e.PracticeCategories.Contains(category));
        }

        if (State is { Length: > 0 } state)
        {
            // A State's own entries and the joint entries of groups it belongs to, as the synthesis counts them.
            var iso3 = state.Trim().ToUpperInvariant();
            var itsGroups = db.GroupMemberships.Where(m => m.StateIso3 == iso3).Select(m => m.GroupId);
            entries = entries.Where(e => e.StateIso3 == iso3 || (e.GroupId != null && itsGroups.Contains(e.GroupId.Value)));
        }

        if (Group is { Length: > 0 } group)
        {
            var groupIds = db.Groups.Where(g => g.Slug == group).Select(g => g.Id);
            var members = db.GroupMemberships.Where(m => groupIds.Contains(m.GroupId)).Select(m => m.StateIso3);
            entries = entries.Where(e => (e.GroupId != null && groupIds.Contains(e.GroupId.Value)) || (e.StateIso3 != null && members.Contains(e.StateIso3)));
        }

        if (Region is { } region)
        {
            var regionStates = db.States.Where(s => s.RegionalGroup == region).Select(s => s.Iso3);
            entries = entries.Where(e =>
                (e.StateIso3 != null && regionStates.Contains(e.StateIso3))
                || (e.GroupId != null && db.GroupMemberships.Any(m => m.GroupId == e.GroupId && regionStates.Contains(m.StateIso3))));
        }

        if (Cycle is { Length: > 0 } cycle)
        {
            var cycleIds = db.Cycles.Where(c => c.Slug == cycle).Select(c => c.Id);
            entries = entries.Where(e => cycleIds.Contains(e.CycleId));
        }

        if (Year is { } year)
        {
            var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var to = from.AddYears(1);
            entries = entries.Where(e => e.PublishedAt >= from && e.PublishedAt < to);
        }

        if (Language is { Length: > 0 } language)
        {
            entries = entries.Where(e => e.Language == language);
        }

        return entries;
    }
}
