using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Coverage;

public sealed record CoverageRow(string Iso3, string Name, RegionalGroup Region, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

public sealed record CoverageMap(IReadOnlyList<int> Norms, IReadOnlyList<CoverageRow> Rows, int MaxCell)
{
    public int NormTotal(int index) => Rows.Sum(r => r.Counts[index]);

    public int Total => Rows.Sum(r => r.Total);

    /// <summary>States in scope with nothing on a norm: the gaps.</summary>
    public int Gaps => Rows.Sum(r => r.Counts.Count(c => c == 0));

    /// <summary>0 for an empty cell, 1–5 for the heat scale (relative to the fullest cell).</summary>
    public int Heat(int count) => count == 0 ? 0 : MaxCell <= 1 ? 5 : 1 + (int)Math.Floor(4.0 * (count - 1) / (MaxCell - 1));
}

/// <summary>
/// States × norms: how many published entries each State has on each norm, in a scope. Joint entries of a group
/// count for each of its members. Three queries, however many States and entries.
/// </summary>
public sealed class CoverageReader(PortalDbContext db, StateNames names)
{
    public async Task<CoverageMap> ReadAsync(
        Reader reader, string? groupSlug, string? cycleSlug, RegionalGroup? region, IReadOnlyCollection<string>? onlyStates, CancellationToken cancellationToken)
    {
        var states = db.States.AsNoTracking();
        var groupId = groupSlug is null ? null : await db.Groups.Where(g => g.Slug == groupSlug).Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);
        var cycleScope = cycleSlug is null ? null : await db.Cycles.Where(c => c.Slug == cycleSlug).Select(c => c.ScopeGroupId).FirstOrDefaultAsync(cancellationToken);
        var scopeGroup = groupId ?? cycleScope;
        if (scopeGroup is { } id)
        {
            states = states.Where(s => db.GroupMemberships.Any(m => m.GroupId == id && m.StateIso3 == s.Iso3));
        }

        if (region is { } regional)
        {
            states = states.Where(s => s.RegionalGroup == regional);
        }

        if (onlyStates is { Count: > 0 })
        {
            states = states.Where(s => onlyStates.Contains(s.Iso3));
        }

        // Named and sorted in the reader's language (the culture's collation), not by the English name in SQL.
        var stateList = StateNames.Sort(
            (await states.Select(s => new { s.Iso3, s.Name, s.RegionalGroup }).ToListAsync(cancellationToken))
                .Select(s => new { s.Iso3, Name = names.Of(s.Iso3, s.Name), s.RegionalGroup }),
            s => s.Name);
        var iso3s = stateList.Select(s => s.Iso3).ToList();

        var entries = db.PublishedEntries(reader);
        if (cycleSlug is not null)
        {
            entries = entries.Where(e => e.CycleSlug == cycleSlug);
        }

        // A State's own entries (an index-only count), and each joint entry once for every member of its group.
        var direct = await entries.Where(e => e.StateIso3 != null && iso3s.Contains(e.StateIso3))
            .GroupBy(e => new { e.StateIso3, e.NormNumber })
            .Select(g => new { State = g.Key.StateIso3!, Norm = g.Key.NormNumber, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var joint = await entries.Where(e => e.GroupId != null)
            .SelectMany(e => e.ReportingStates, (e, state) => new { State = state, Norm = e.NormNumber })
            .Where(x => iso3s.Contains(x.State))
            .GroupBy(x => new { x.State, x.Norm })
            .Select(g => new { g.Key.State, g.Key.Norm, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = direct.Concat(joint).GroupBy(c => (c.State, c.Norm)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        var norms = Enumerable.Range(1, Norm.Count).ToList();
        var rows = stateList
            .Select(s => new CoverageRow(s.Iso3, s.Name, s.RegionalGroup, [.. norms.Select(n => counts.GetValueOrDefault((s.Iso3, n)))]))
            .ToList();
        return new CoverageMap(norms, rows, counts.Count == 0 ? 0 : counts.Values.Max());
    }
}
