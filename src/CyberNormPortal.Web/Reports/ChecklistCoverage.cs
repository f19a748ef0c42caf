using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Reports;

/// <summary>One State × norm cell: of the norm's checklist actions, how many the State reports implemented and in progress.</summary>
public sealed record ChecklistCell(int Implemented, int InProgress, int Actions);

public sealed record ChecklistCoverageRow(string Iso3, string Name, IReadOnlyList<ChecklistCell> Cells);

/// <summary>The coverage map by checklist status: States with a published report of the cycle × the eleven norms.</summary>
public sealed record ChecklistCoverage(ReportCycle Cycle, IReadOnlyList<int> Norms, IReadOnlyList<ChecklistCoverageRow> Rows)
{
    /// <summary>0 for nothing implemented, 1–5 for the heat scale (the share of the norm's actions implemented).</summary>
    public static int Heat(ChecklistCell cell) =>
        cell.Actions == 0 || cell.Implemented == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(5.0 * cell.Implemented / cell.Actions));

    /// <summary>
    /// The map of <paramref name="cycle"/> for <paramref name="reader"/>: one grouped query over the visible checklist
    /// statuses, one for the checklist, one for the States with a report.
    /// </summary>
    public static async Task<ChecklistCoverage> ReadAsync(PortalDbContext db, StateNames names, ReportCycle cycle, Reader reader, CancellationToken cancellationToken)
    {
        var checklist = await db.ChecklistAsync(cycle.Id, cancellationToken);
        var reported = await db.ReportedStatesAsync(cycle.Id, reader, cancellationToken);
        var counts = await db.PublishedActionStatuses.AsNoTracking().VisibleTo(reader)
            .Where(a => a.CycleId == cycle.Id)
            .GroupBy(a => new { a.StateIso3, a.NormNumber })
            .Select(g => new
            {
                g.Key.StateIso3,
                g.Key.NormNumber,
                Implemented = g.Count(a => a.Status == ChecklistStatus.Implemented),
                InProgress = g.Count(a => a.Status == ChecklistStatus.InProgress),
            })
            .ToDictionaryAsync(x => (x.StateIso3, x.NormNumber), cancellationToken);
        var norms = Enumerable.Range(1, Norm.Count).ToList();
        var actions = norms.ToDictionary(n => n, n => checklist.Count(a => a.NormNumber == n));
        var rows = StateNames.Sort(reported.Select(s => (Iso3: s, Name: names.Of(s))), s => s.Name)
            .Select(s => new ChecklistCoverageRow(s.Iso3, s.Name, [.. norms.Select(n => counts.TryGetValue((s.Iso3, n), out var c)
                ? new ChecklistCell(c.Implemented, c.InProgress, actions[n])
                : new ChecklistCell(0, 0, actions[n]))]))
            .ToList();
        return new ChecklistCoverage(cycle, norms, rows);
    }
}
