using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Reports;

/// <summary>Two to four States' published reports of a cycle side by side, action by action: status and measures taken.</summary>
public sealed class CompareModel(PortalDbContext db, EntryFilterParser parser, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MinStates = 2;
    public const int MaxStates = 4;

    /// <summary>Longer measures are cut here, with a link to the whole report.</summary>
    public const int MeasuresLength = 280;

    public sealed record Cell(ChecklistStatus? Status, string? Measures, bool IsCut);

    public ReportCycle Cycle { get; private set; } = null!;

    /// <summary>The States the reader may compare: those with a published report of the cycle the reader may see.</summary>
    public IReadOnlyList<(string Iso3, string Name)> Choices { get; private set; } = [];

    /// <summary>The States asked for, as the form shows them again.</summary>
    public IReadOnlyList<string> Chosen { get; private set; } = [];

    /// <summary>The States compared, once the choice is valid.</summary>
    public IReadOnlyList<(string Iso3, string Name)> Columns { get; private set; } = [];

    public IReadOnlyList<(int Number, string ShortTitle, IReadOnlyList<ChecklistItem> Actions)> Norms { get; private set; } = [];

    public IReadOnlyDictionary<(string State, string Action), Cell> Cells { get; private set; } = new Dictionary<(string, string), Cell>();

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycleSlug, CancellationToken cancellationToken)
    {
        var reader = Reader.From(User);
        if (await db.ReportCycleAsync(cycleSlug, reader, cancellationToken) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        var reported = await db.ReportedStatesAsync(cycle.Id, reader, cancellationToken);
        Choices = StateNames.Sort(reported.Select(s => (Iso3: s, Name: names.Of(s))), s => s.Name);
        if (Request.Query[FilterNames.States].Count == 0)
        {
            return Page();
        }

        var asked = await parser.ParseStatesAsync(Request.Query, FilterNames.States, MinStates, MaxStates, cancellationToken);
        Chosen = asked.Value;
        var problems = asked.Problems.Select(p => p.Format(localizer)).ToList();
        problems.AddRange(Chosen.Where(s => !reported.Contains(s)).Select(s => localizer[ReportMessages.NoReport, names.Of(s)].Value));
        Problems = problems;
        if (Problems.Count > 0)
        {
            return Page();
        }

        Columns = [.. Chosen.Select(s => (s, names.Of(s)))];
        var checklist = await db.ChecklistAsync(cycle.Id, cancellationToken);
        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken);
        Norms = [.. norms.Select(n => (n.Number, n.ShortTitle, (IReadOnlyList<ChecklistItem>)[.. checklist.Where(a => a.NormNumber == n.Number)]))];

        var statuses = await db.StatusesAsync(cycle.Id, reader, Chosen, cancellationToken);
        var cells = new Dictionary<(string, string), Cell>();
        // At most four reports, each read once with the reading rule: only the parts this reader may see.
        foreach (var state in Chosen)
        {
            var report = await db.LoadPublishedAsync(state, cycle.Slug, reader, cancellationToken);
            var answers = report?.Parts.SelectMany(p => p.Answers.Actions).ToDictionary(a => a.ActionKey, StringComparer.Ordinal) ?? [];
            foreach (var action in checklist)
            {
                var measures = answers.GetValueOrDefault(action.Key)?.Measures?.Trim();
                var cut = measures is not null && measures.Length > MeasuresLength;
                cells[(state, action.Key)] = new Cell(
                    statuses.TryGetValue((state, action.Key), out var status) ? status : null,
                    cut ? PublishedReportReading.Truncate(measures!, MeasuresLength) : measures,
                    cut);
            }
        }

        Cells = cells;
        return Page();
    }
}
