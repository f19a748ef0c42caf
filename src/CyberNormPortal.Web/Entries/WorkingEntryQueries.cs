using System.Linq.Expressions;
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

    /// <summary>The group of a joint entry.</summary>
    public int? GroupId { get; init; }

    public string AuthorName { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>The language <see cref="Title"/> is written in (the working copy's original).</summary>
    public string Language { get; init; } = "";

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
            GroupId = e.GroupId,
            AuthorName = (e.StateIso3 != null
                ? db.States.Where(s => s.Iso3 == e.StateIso3).Select(s => s.Name).FirstOrDefault()
                : db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Name).FirstOrDefault()) ?? "",
            Title = latest.Title,
            Language = latest.Language,
            SavedByUserId = latest.SavedByUserId,
            SavedByName = latest.SavedByName,
            UpdatedAt = e.UpdatedAt,
            LastAction = last == null ? null : last.Action,
            LastReason = last == null ? null : last.Reason,
            LastActorName = last == null ? null : last.ActorName,
        };

    /// <summary>
    /// The entries <paramref name="actor"/> speaks for (<see cref="WorkflowActor.SpeaksFor(string?, int?)"/>): their
    /// own State's, and their group's joint entries.
    /// </summary>
    public static IQueryable<Entry> SpokenForBy(this IQueryable<Entry> entries, WorkflowActor actor)
    {
        var state = actor.SpeaksFor(actor.StateIso3) ? actor.StateIso3 : null;
        var group = actor.Coordinates(actor.GroupId) ? actor.GroupId : null;
        return entries.Where(e => (state != null && e.StateIso3 == state) || (group != null && e.GroupId == group));
    }

    /// <summary>
    /// The entries that wait for <paramref name="actor"/>'s review, by <see cref="EntryWorkflow.AwaitsReviewBy"/>:
    /// the workflow's own rule, translated to SQL, with "the State has a single point of contact" read as the
    /// State not being among <see cref="StatesWithSeveralPointsOfContact"/> (as <see cref="EntryService.ContextAsync"/> does).
    /// </summary>
    public static IQueryable<Entry> AwaitingReviewBy(this IQueryable<Entry> entries, WorkflowActor actor, PortalDbContext db)
    {
        var severalContacts = db.StatesWithSeveralPointsOfContact();
        Expression<Func<Entry, bool>> singleContact = e => !severalContacts.Contains(e.StateIso3!);
        var rule = EntryWorkflow.AwaitsReviewBy;
        var entry = singleContact.Parameters[0];
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [rule.Parameters[0]] = entry,
            [rule.Parameters[1]] = Expression.Constant(actor),
            [rule.Parameters[2]] = singleContact.Body,
        }).Visit(rule.Body);
        return entries.Where(Expression.Lambda<Func<Entry, bool>>(body, entry));
    }

    /// <summary>
    /// The review queue of <paramref name="actor"/> (<see cref="AwaitingReviewBy"/>): the queue page lists it and the
    /// header counts it.
    /// </summary>
    public static IQueryable<Entry> ReviewQueue(this PortalDbContext db, WorkflowActor actor) => db.Entries.AwaitingReviewBy(actor, db);

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

    /// <summary>Replaces a lambda's parameters by the expressions given for them.</summary>
    private sealed class Substitution(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
