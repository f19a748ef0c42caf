using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Pages.Moderation.Capacity;

/// <summary>The secretariat's capacity-building figures, each with its table (moderators only: the folder's policy).</summary>
public sealed class FiguresModel(PortalDbContext db) : PageModel
{
    public CapacityFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await CapacityFigures.ReadAsync(db, cancellationToken);
}
