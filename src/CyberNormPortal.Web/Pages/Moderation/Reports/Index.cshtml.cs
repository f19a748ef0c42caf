using CyberNormPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Moderation.Reports;

/// <summary>The reporting cycles, those with a questionnaire (that States report on) first, each opening its dashboard.</summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record CycleRow(string Slug, string Name, DateOnly OpensOn, DateOnly ClosesOn, bool HasQuestionnaire, int Reports);

    public IReadOnlyList<CycleRow> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cycles = await db.Cycles.AsNoTracking()
            .OrderByDescending(c => db.Questionnaires.Any(q => q.CycleId == c.Id)).ThenByDescending(c => c.ClosesOn).ThenBy(c => c.Name)
            .Select(c => new CycleRow(
                c.Slug, c.Name, c.OpensOn, c.ClosesOn, db.Questionnaires.Any(q => q.CycleId == c.Id), db.Reports.Count(r => r.CycleId == c.Id)))
            .ToListAsync(cancellationToken);
}
