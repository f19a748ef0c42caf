using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.My;

/// <summary>
/// A point of contact's desk: what was returned to them (<see cref="WorkingEntryQueries.ReturnedTo"/>; a draft returned
/// to a colleague is among the State's drafts), their State's drafts, what waits for their review.
/// </summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public const int PublishedShown = 20;

    public string StateName { get; private set; } = "";

    public IReadOnlyList<WorkingEntry> Returned { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> Drafts { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> ToReview { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> InReview { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> Published { get; private set; } = [];

    public bool IsApprover { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(User)!;
        var state = actor.StateIso3!;
        IsApprover = actor.Has(WorkflowRoles.Approver);
        StateName = await db.States.Where(s => s.Iso3 == state).Select(s => s.Name).SingleAsync(cancellationToken);

        var working = await db.Entries
            .Where(e => e.StateIso3 == state && e.Status != EntryStatus.Published && e.Status != EntryStatus.Withdrawn)
            .AsWorkingEntries(db)
            .OrderByDescending(e => e.UpdatedAt)
            .ToListAsync(cancellationToken);
        var returnedToMe = await db.Entries.Where(e => e.StateIso3 == state).ReturnedTo(db, actor.UserId)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        Returned = working.Where(e => returnedToMe.Contains(e.Id)).ToList();
        Drafts = working.Where(e => e.Status == EntryStatus.Draft && !returnedToMe.Contains(e.Id)).ToList();
        ToReview = IsApprover ? working.Where(e => e.Status == EntryStatus.Submitted && e.SavedByUserId != actor.UserId).ToList() : [];
        InReview = working.Where(e => e.Status is EntryStatus.Submitted or EntryStatus.AwaitingModeration && !ToReview.Contains(e)).ToList();
        Published = await db.Entries
            .Where(e => e.StateIso3 == state && e.Status == EntryStatus.Published)
            .AsWorkingEntries(db)
            .OrderByDescending(e => e.UpdatedAt)
            .Take(PublishedShown)
            .ToListAsync(cancellationToken);
    }
}
