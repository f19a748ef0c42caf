using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Web.Coverage;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Capacity;

/// <summary>
/// The capacity view of the coverage map (<c>/coverage?view=capacity</c>): for each State with a published need the
/// reader may see, how many such needs name each norm. A need naming two norms counts in both cells.
/// </summary>
public static class CapacityCoverage
{
    public static async Task<CoverageMap> ReadAsync(PortalDbContext db, StateNames names, Reader reader, CancellationToken cancellationToken)
    {
        var cells = await db.CapacityItems.AsNoTracking().PublishedVisibleTo(reader)
            .Where(i => i.Side == CapacitySide.Need && i.StateIso3 != null)
            .SelectMany(i => i.Norms, (i, norm) => new { State = i.StateIso3!, Norm = norm })
            .GroupBy(c => new { c.State, c.Norm })
            .Select(g => new { g.Key.State, g.Key.Norm, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var codes = cells.Select(c => c.State).Distinct().ToList();
        var states = codes.Count == 0
            ? []
            : await db.States.AsNoTracking().Where(s => codes.Contains(s.Iso3)).Select(s => new { s.Iso3, s.Name, s.RegionalGroup }).ToListAsync(cancellationToken);
        var norms = Enumerable.Range(1, Norm.Count).ToList();
        var counts = cells.ToDictionary(c => (c.State, c.Norm), c => c.Count);
        var rows = StateNames.Sort(
            states.Select(s => new CoverageRow(
                s.Iso3,
                names.Of(s.Iso3, s.Name),
                s.RegionalGroup,
                [.. norms.Select(n => counts.GetValueOrDefault((s.Iso3, n)))])),
            r => r.Name);
        return new CoverageMap(norms, rows, cells.Count == 0 ? 0 : cells.Max(c => c.Count));
    }
}
