using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Review;

/// <summary>
/// The approvers' queue: their State's submitted entries. Group coordinators see their group's submitted joint
/// entries. Moderators see those of States with a single point of contact, for which they stand in as approver,
/// and every submitted joint entry — the workflow's own rule (<see cref="Domain.Entries.EntryWorkflow.AwaitsReviewBy"/>).
/// </summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<WorkingEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = await db.ReviewQueue(PortalActor.From(User)!)
            .AsWorkingEntries(db)
            .OrderBy(e => e.UpdatedAt)
            .ToListAsync(cancellationToken);
    }
}
