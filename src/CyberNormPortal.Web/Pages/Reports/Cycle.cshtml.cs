using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Reports;

/// <summary>
/// A cycle's national reports norm by norm and action by action: how many States report each status, as a chart
/// with the table behind it, every number leading to the States behind it.
/// </summary>
public sealed class CycleModel(PortalDbContext db) : PageModel
{
    /// <summary>A bar of the chart and a row of the table: the norm itself (<see cref="Action"/> null) or one action.</summary>
    public sealed record Row(int Norm, ChecklistItem? Action, IReadOnlyDictionary<ChecklistStatus, int> Counts);

    public sealed record NormSection(int Number, string ShortTitle, Row Total, IReadOnlyList<Row> Actions)
    {
        public string GgeReference => Domain.Norms.Norm.GgeReferenceFor(Number);
    }

    public ReportCycle Cycle { get; private set; } = null!;

    public IReadOnlyList<NormSection> Norms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycleSlug, CancellationToken cancellationToken)
    {
        var reader = Reader.From(User);
        if (await db.ReportCycleAsync(cycleSlug, reader, cancellationToken) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        var checklist = await db.ChecklistAsync(cycle.Id, cancellationToken);
        var counts = await db.StatusCountsAsync(cycle.Id, reader, cancellationToken);
        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken);

        IReadOnlyDictionary<ChecklistStatus, int> CountsOf(int norm, string? action) => PublishedReportReading.StatusOrder.ToDictionary(
            s => s,
            s => counts.FirstOrDefault(c => c.NormNumber == norm && c.ActionKey == action && c.Status == s)?.States ?? 0);

        Norms = [.. norms.Select(n => new NormSection(
            n.Number,
            n.ShortTitle,
            new Row(n.Number, null, CountsOf(n.Number, null)),
            [.. checklist.Where(a => a.NormNumber == n.Number).Select(a => new Row(n.Number, a, CountsOf(n.Number, a.Key)))]))];
        return Page();
    }

    /// <summary>The list of the States behind one number.</summary>
    public string StatesUrl(Row row, ChecklistStatus status) => Url.Content(
        $"~/reports/{Uri.EscapeDataString(Cycle.Slug)}/states?"
        + (row.Action is { } action ? $"action={Uri.EscapeDataString(action.Key)}" : $"norm={row.Norm}")
        + $"&status={status}");

    /// <summary>The colour of a status in the chart (the legend and the table name it too).</summary>
    public static string Colour(ChecklistStatus status) => status switch
    {
        ChecklistStatus.Implemented => "#1b6e3a",
        ChecklistStatus.InProgress => "#b8860b",
        ChecklistStatus.NotStarted => "#a4282b",
        ChecklistStatus.NotApplicable => "#6b6b6b",
    };
}
