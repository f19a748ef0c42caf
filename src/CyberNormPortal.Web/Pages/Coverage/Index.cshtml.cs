using CyberNormPortal.Web.Caching;
using CyberNormPortal.Web.Coverage;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Synthesis;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Coverage;

/// <summary>States × norms: who has reported what, and where the gaps are.</summary>
[OutputCache(PolicyName = PublishedContentCachePolicy.Name)]
public sealed class IndexModel(CoverageReader coverage, SynthesisScopeParser parser, PortalDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The scope as the query string gives it (<c>group, cycle, region</c>), problems included.</summary>
    public Parsed<SynthesisScope> Scope { get; private set; } = null!;

    public CoverageMap Map { get; private set; } = null!;

    public IReadOnlyList<ScopeOption> Groups { get; private set; } = [];

    public IReadOnlyList<ScopeOption> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A value that makes no sense is named next to its field and left out; the map shows the rest of the scope.
        Scope = await parser.ParseScopeAsync(Request.Query, cancellationToken);
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Abbreviation).Select(g => new ScopeOption(g.Slug, g.Abbreviation + " – " + g.Name)).ToListAsync(cancellationToken);
        Cycles = await db.Cycles.AsNoTracking().OrderByDescending(c => c.OpensOn).Select(c => new ScopeOption(c.Slug, c.Name)).ToListAsync(cancellationToken);
        var scope = Scope.Value;
        Map = await coverage.ReadAsync(Reader.From(User), scope.GroupSlug, scope.CycleSlug, scope.Region, null, cancellationToken);
    }

    /// <summary>The message for <paramref name="parameter"/>, or null.</summary>
    public string? Error(string parameter) => Scope.ProblemWith(parameter)?.Format(localizer);

    public string CellUrl(string iso3, int norm) => Url.Content(
        $"~/search?state={iso3}&norm={norm}" + (Scope.Value.CycleSlug is { } cycle ? $"&cycle={Uri.EscapeDataString(cycle)}" : ""));
}
