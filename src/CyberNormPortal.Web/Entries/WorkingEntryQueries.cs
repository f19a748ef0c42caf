using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Entries;

/// <summary>An entry as the work queues list it: its newest revision and the last step taken on it.</summary>
public sealed class WorkingEntry
{
    public int Id { get; init; }

    public int NormNumber { get; init; }

    public EntryStatus Status { get; init; }

    public string? StateIso3 { get; init; }

    public string AuthorName { get; init; } = "";

    public string Title { get; init; } = "";

    public string? SavedByUserId { get; init; }

    public string SavedByName { get; init; } = "";

    public DateTimeOffset UpdatedAt { get; init; }

    public WorkflowAction? LastAction { get; init; }

    public string? LastReason { get; init; }

    public string? LastActorName { get; init; }

    public bool WasReturned => Status == EntryStatus.Draft && LastAction == WorkflowAction.Return;
}

public static class WorkingEntryQueries
{
    /// <summary>The given entries projected for a queue, read-only, in one SQL query.</summary>
    public static IQueryable<WorkingEntry> AsWorkingEntries(this IQueryable<Entry> entries, PortalDbContext db) =>
        from e in entries.AsNoTracking()
        let latest = db.Revisions.Where(r => r.EntryId == e.Id).OrderByDescending(r => r.Number).First()
        let last = db.ReviewEvents.Where(v => v.EntryId == e.Id).OrderByDescending(v => v.At).ThenByDescending(v => v.Id).FirstOrDefault()
        select new WorkingEntry
        {
            Id = e.Id,
            NormNumber = e.NormNumber,
            Status = e.Status,
            StateIso3 = e.StateIso3,
            AuthorName = db.States.Where(s => s.Iso3 == e.StateIso3).Select(s => s.Name).FirstOrDefault() ?? "",
            Title = latest.Title,
            SavedByUserId = latest.SavedByUserId,
            SavedByName = latest.SavedByName,
            UpdatedAt = e.UpdatedAt,
            LastAction = last == null ? null : last.Action,
            LastReason = last == null ? null : last.Reason,
            LastActorName = last == null ? null : last.ActorName,
        };

    /// <summary>
    /// The review queue of <paramref name="actor"/>: submitted entries of their own State when they approve, and, when
    /// they act as moderator, those of States with a single point of contact, for which they stand in as approver.
    /// The queue page lists it and the header counts it.
    /// </summary>
    public static IQueryable<Entry> ReviewQueue(this PortalDbContext db, WorkflowActor actor)
    {
        var ownState = actor.Has(WorkflowRoles.Approver) ? actor.StateIso3 : null;
        var standIn = actor.Has(WorkflowRoles.Moderator);
        var severalContacts = db.StatesWithSeveralPointsOfContact();
        return db.Entries.Where(e => e.Status == EntryStatus.Submitted
                                     && ((ownState != null && e.StateIso3 == ownState)
                                         || (standIn && e.StateIso3 != null && !severalContacts.Contains(e.StateIso3))));
    }

    /// <summary>The moderators' queue: partner States' approved entries. The queue page lists it and the header counts it.</summary>
    public static IQueryable<Entry> ModerationQueue(this PortalDbContext db) =>
        db.Entries.Where(e => e.Status == EntryStatus.AwaitingModeration);

    /// <summary>
    /// Of <paramref name="entries"/>, those returned to <paramref name="userId"/>: the last step was a return, and the
    /// revision it returned was saved by this person — the one the "Returned to you" mail goes to (the latest revision's
    /// author when the step is taken), so a colleague's returned draft stays in the State's drafts, not in this list.
    /// </summary>
    public static IQueryable<Entry> ReturnedTo(this IQueryable<Entry> entries, PortalDbContext db, string userId) =>
        from e in entries
        let last = db.ReviewEvents.Where(v => v.EntryId == e.Id).OrderByDescending(v => v.At).ThenByDescending(v => v.Id).FirstOrDefault()
        where e.Status == EntryStatus.Draft && last != null && last.Action == WorkflowAction.Return
              && db.Revisions.Any(r => r.EntryId == e.Id && r.Number == last.RevisionNumber && r.SavedByUserId == userId)
        select e;

    /// <summary>
    /// States with more than one active point of contact: a moderator may stand in as approver only for the others.
    /// </summary>
    public static IQueryable<string> StatesWithSeveralPointsOfContact(this PortalDbContext db)
    {
        var roles = new[] { PortalRoles.Contributor.ToUpperInvariant(), PortalRoles.Approver.ToUpperInvariant() };
        return from u in db.Users
               where u.IsActive && u.StateIso3 != null
                     && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.NormalizedName!)))
               group u by u.StateIso3 into byState
               where byState.Count() > 1
               select byState.Key!;
    }
}
