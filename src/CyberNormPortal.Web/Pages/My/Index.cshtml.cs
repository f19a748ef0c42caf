using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.My;

/// <summary>
/// A point of contact's desk: what was returned to them (<see cref="WorkingEntryQueries.ReturnedTo"/>; a draft returned
/// to a colleague is among the drafts), their State's (and, for a group coordinator, their group's joint) drafts, what
/// waits for their review.
/// </summary>
public sealed class IndexModel(PortalDbContext db, StateNames stateNames) : PageModel
{
    public const int PublishedShown = 20;

    public string StateName { get; private set; } = "";

    public IReadOnlyList<WorkingEntry> Returned { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> Drafts { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> ToReview { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> InReview { get; private set; } = [];

    public IReadOnlyList<WorkingEntry> Published { get; private set; } = [];

    /// <summary>An approver of the State or a coordinator of the group: something may wait for their review.</summary>
    public bool IsApprover { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(User)!;
        var coordinates = actor.Coordinates(actor.GroupId);
        IsApprover = actor.Has(WorkflowRoles.Approver) || coordinates;
        var names = new List<string>();
        if (actor.SpeaksFor(actor.StateIso3))
        {
            names.Add(stateNames.Of(actor.StateIso3!, await db.States.Where(s => s.Iso3 == actor.StateIso3).Select(s => s.Name).SingleAsync(cancellationToken)));
        }

        if (coordinates)
        {
            names.Add(await db.Groups.Where(g => g.Id == actor.GroupId).Select(g => g.Name).SingleAsync(cancellationToken));
        }

        StateName = string.Join(" · ", names);

        var working = await db.Entries.SpokenForBy(actor)
            .Where(e => e.Status != EntryStatus.Published && e.Status != EntryStatus.Withdrawn)
            .AsWorkingEntries(db)
            .OrderByDescending(e => e.UpdatedAt)
            .ToListAsync(cancellationToken);
        var returnedToMe = await db.Entries.SpokenForBy(actor).ReturnedTo(db, actor.UserId)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        Returned = working.Where(e => returnedToMe.Contains(e.Id)).ToList();
        Drafts = working.Where(e => e.Status == EntryStatus.Draft && !returnedToMe.Contains(e.Id)).ToList();
        ToReview = working.Where(e => e.Status == EntryStatus.Submitted && e.SavedByUserId != actor.UserId
                                      && (e.GroupId is null ? actor.Has(WorkflowRoles.Approver) : coordinates)).ToList();
        InReview = working.Where(e => e.Status is EntryStatus.Submitted or EntryStatus.AwaitingModeration && !ToReview.Contains(e)).ToList();
        Published = await db.Entries.SpokenForBy(actor)
            .Where(e => e.Status == EntryStatus.Published)
            .AsWorkingEntries(db)
            .OrderByDescending(e => e.UpdatedAt)
            .Take(PublishedShown)
            .ToListAsync(cancellationToken);
    }
}
