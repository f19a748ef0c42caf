using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Review;

/// <summary>
/// The approvers' queue: their State's submitted entries. Group coordinators see their group's submitted joint
/// entries. Moderators see those of States with a single point of contact, for which they stand in as approver,
/// and every submitted joint entry, which they may approve as well.
/// </summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<WorkingEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(User)!;
        var ownState = actor.Has(WorkflowRoles.Approver) ? actor.StateIso3 : null;
        var ownGroup = actor.Coordinates(actor.GroupId) ? actor.GroupId : null;
        var standIn = actor.Has(WorkflowRoles.Moderator);
        var severalContacts = db.StatesWithSeveralPointsOfContact();
        Entries = await db.Entries
            .Where(e => e.Status == EntryStatus.Submitted
                        && ((ownState != null && e.StateIso3 == ownState)
                            || (ownGroup != null && e.GroupId == ownGroup)
                            || (standIn && e.StateIso3 != null && !severalContacts.Contains(e.StateIso3))
                            || (standIn && e.GroupId != null)))
            .AsWorkingEntries(db)
            .OrderBy(e => e.UpdatedAt)
            .ToListAsync(cancellationToken);
    }
}
