using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Moderation;

/// <summary>The moderators' queue: partner States' approved entries, oldest first, and what was published lately.</summary>
public sealed class IndexModel(PortalDbContext db, StateNames stateNames) : PageModel
{
    public const int PublishedShown = 20;

    public IReadOnlyList<WorkingEntry> Awaiting { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> RecentlyPublished { get; private set; } = [];

    /// <summary>Partner States' national reports signed off by their approvers, oldest first.</summary>
    public IReadOnlyList<(int Id, string StateIso3, string StateName, string CycleName, DateTimeOffset? SignedOffAt)> AwaitingReports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AwaitingReports = (await db.Reports.AsNoTracking()
                .Where(r => r.Status == EntryStatus.AwaitingModeration)
                .OrderBy(r => r.SignedOffAt)
                .Select(r => new
                {
                    r.Id,
                    r.StateIso3,
                    State = db.States.Where(s => s.Iso3 == r.StateIso3).Select(s => s.Name).Single(),
                    Cycle = db.Cycles.Where(c => c.Id == r.CycleId).Select(c => c.Name).Single(),
                    r.SignedOffAt,
                })
                .ToListAsync(cancellationToken))
            .Select(r => (r.Id, r.StateIso3, stateNames.Of(r.StateIso3, r.State), r.Cycle, r.SignedOffAt))
            .ToList();
        Awaiting = await db.ModerationQueue()
            .AsWorkingEntries(db).OrderBy(e => e.UpdatedAt).ToListAsync(cancellationToken);
        RecentlyPublished = await db.Entries.Where(e => e.Status == EntryStatus.Published && e.StateIso3 != null)
            .AsWorkingEntries(db).OrderByDescending(e => e.UpdatedAt).Take(PublishedShown).ToListAsync(cancellationToken);
    }
}
