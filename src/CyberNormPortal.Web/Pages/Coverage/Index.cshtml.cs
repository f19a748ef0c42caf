using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Caching;
using CyberNormPortal.Web.Coverage;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Synthesis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Coverage;

/// <summary>States × norms: who has reported what, and where the gaps are.</summary>
[OutputCache(PolicyName = PublishedContentCachePolicy.Name)]
public sealed class IndexModel(CoverageReader coverage, PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cycle { get; set; }

    [BindProperty(SupportsGet = true)]
    public RegionalGroup? Region { get; set; }

    public CoverageMap Map { get; private set; } = null!;

    public IReadOnlyList<ScopeOption> Groups { get; private set; } = [];

    public IReadOnlyList<ScopeOption> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Region = null; // an unknown region is named next to its field and left out
        }

        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Abbreviation).Select(g => new ScopeOption(g.Slug, g.Abbreviation + " – " + g.Name)).ToListAsync(cancellationToken);
        Cycles = await db.Cycles.AsNoTracking().OrderByDescending(c => c.OpensOn).Select(c => new ScopeOption(c.Slug, c.Name)).ToListAsync(cancellationToken);
        Group = Groups.Any(g => g.Value == Group) ? Group : null;
        Cycle = Cycles.Any(c => c.Value == Cycle) ? Cycle : null;
        Map = await coverage.ReadAsync(Reader.From(User), Group, Cycle, Region, null, cancellationToken);
    }

    public string CellUrl(string iso3, int norm) =>
        $"/search?state={iso3}&norm={norm}" + (Cycle is null ? "" : $"&cycle={Uri.EscapeDataString(Cycle)}");
}
