using CyberNormPortal.Web.Caching;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Coverage;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Reports;
using CyberNormPortal.Web.Synthesis;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Coverage;

/// <summary>States × norms: who has reported what, and where the gaps are.</summary>
[OutputCache(PolicyName = PublishedContentCachePolicy.Name)]
public sealed class IndexModel(
    CoverageReader coverage, SynthesisScopeParser parser, PortalDbContext db, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The value of <c>view=</c> that shows the map by checklist status of national reports.</summary>
    public const string ChecklistView = "checklist";

    /// <summary>The scope as the query string gives it (<c>group, cycle, region</c>), problems included.</summary>
    public Parsed<SynthesisScope> Scope { get; private set; } = null!;

    public CoverageMap Map { get; private set; } = null!;

    public IReadOnlyList<ScopeOption> Groups { get; private set; } = [];

    public IReadOnlyList<ScopeOption> Cycles { get; private set; } = [];

    /// <summary>The map by checklist status (<c>?view=checklist&amp;cycle=</c>), or null for the map of entries.</summary>
    public ChecklistCoverage? Checklist { get; private set; }

    public bool IsChecklistView { get; private set; }

    /// <summary>The value of <c>view=</c> that shows published capacity needs per State and norm.</summary>
    public const string CapacityView = "capacity";

    /// <summary>Needs per State and norm (<c>?view=capacity</c>), or null for the other views.</summary>
    public CoverageMap? Capacity { get; private set; }

    public bool IsCapacityView => Capacity is not null;

    /// <summary>Cycles with published reports the reader may see, for the checklist view's choice.</summary>
    public IReadOnlyList<ReportCycle> ReportCycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A value that makes no sense is named next to its field and left out; the map shows the rest of the scope.
        Scope = await parser.ParseScopeAsync(Request.Query, cancellationToken);
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Abbreviation).Select(g => new ScopeOption(g.Slug, g.Abbreviation + " – " + g.Name)).ToListAsync(cancellationToken);
        Cycles = await db.Cycles.AsNoTracking().OrderByDescending(c => c.OpensOn).Select(c => new ScopeOption(c.Slug, c.Name)).ToListAsync(cancellationToken);
        var scope = Scope.Value;
        if (string.Equals(Request.Query["view"], CapacityView, StringComparison.OrdinalIgnoreCase))
        {
            Capacity = await CapacityCoverage.ReadAsync(db, names, Reader.From(User), cancellationToken);
            Map = new CoverageMap([], [], 0);
            return;
        }

        IsChecklistView = string.Equals(Request.Query["view"], ChecklistView, StringComparison.OrdinalIgnoreCase);
        if (IsChecklistView)
        {
            // By checklist status: the chosen cycle, else the newest with reports the reader may see.
            ReportCycles = await db.CyclesWithReportsAsync(Reader.From(User), cancellationToken);
            if ((ReportCycles.FirstOrDefault(c => c.Slug == scope.CycleSlug) ?? ReportCycles.FirstOrDefault()) is { } cycle)
            {
                Checklist = await ChecklistCoverage.ReadAsync(db, names, cycle, Reader.From(User), cancellationToken);
            }

            Map = new CoverageMap([], [], 0);
            return;
        }

        Map = await coverage.ReadAsync(Reader.From(User), scope.GroupSlug, scope.CycleSlug, scope.Region, null, cancellationToken);
    }

    /// <summary>The message for <paramref name="parameter"/>, or null.</summary>
    public string? Error(string parameter) => Scope.ProblemWith(parameter)?.Format(localizer);

    /// <summary>A cell of the capacity view opens the State's needs on the norm.</summary>
    public string CapacityCellUrl(string iso3, int norm) => Url.Content($"~/capacity?side=need&norm={norm}&state={iso3}");

    public string CellUrl(string iso3, int norm) => Url.Content(
        $"~/search?state={iso3}&norm={norm}" + (Scope.Value.CycleSlug is { } cycle ? $"&cycle={Uri.EscapeDataString(cycle)}" : ""));
}
