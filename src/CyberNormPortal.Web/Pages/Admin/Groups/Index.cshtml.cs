using CyberNormPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Admin.Groups;

public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record GroupRow(int Id, string Slug, string Name, string Abbreviation, int Members);

    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = await db.Groups.AsNoTracking()
            .OrderBy(g => g.Name)
            .Select(g => new GroupRow(g.Id, g.Slug, g.Name, g.Abbreviation, g.Memberships.Count))
            .ToListAsync(cancellationToken);
}
