using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Moderation;

/// <summary>The moderators' queue: partner States' approved entries, oldest first, and what was published lately.</summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public const int PublishedShown = 20;

    public IReadOnlyList<WorkingEntry> Awaiting { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> RecentlyPublished { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Awaiting = await db.ModerationQueue()
            .AsWorkingEntries(db).OrderBy(e => e.UpdatedAt).ToListAsync(cancellationToken);
        RecentlyPublished = await db.Entries.Where(e => e.Status == EntryStatus.Published && e.StateIso3 != null)
            .AsWorkingEntries(db).OrderByDescending(e => e.UpdatedAt).Take(PublishedShown).ToListAsync(cancellationToken);
    }
}
