using CyberNormPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Admin.Cycles;

public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record CycleRow(int Id, string Name, string Slug, DateOnly OpensOn, DateOnly ClosesOn, string? ScopeGroup, bool IsOpen, int? QuestionnaireVersion);

    public IReadOnlyList<CycleRow> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cycles = await db.Cycles.AsNoTracking()
            .OrderByDescending(c => c.OpensOn).ThenBy(c => c.Name)
            .Select(c => new CycleRow(
                c.Id, c.Name, c.Slug, c.OpensOn, c.ClosesOn,
                db.Groups.Where(g => g.Id == c.ScopeGroupId).Select(g => g.Name).FirstOrDefault(),
                c.IsOpen,
                db.Questionnaires.Where(q => q.CycleId == c.Id).Max(q => (int?)q.Version)))
            .ToListAsync(cancellationToken);
}
