using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Configurations;
using CyberNormPortal.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Entries;

/// <summary>The outcome of a save or a workflow step as the page shows it.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>The text was saved, but the submission for review was refused; the message key says why.</summary>
    SavedNotSubmitted,

    /// <summary>Someone else changed the entry since the user loaded it; nothing was written.</summary>
    Conflict,

    /// <summary>The domain refused the step; nothing was written. The message key says why.</summary>
    Refused,
}

/// <summary>
/// Writes entries: new drafts, new revisions and workflow steps, each saved in one unit of work with its
/// review event, its audit record and the notifications it triggers. Saves check the entry's row version,
/// so nobody overwrites a change they have not seen. A refusal comes back as its message key (one of
/// <see cref="DomainMessages"/>), which the page shows in the reader's language.
/// </summary>
public sealed class EntryService(PortalDbContext db, AuditLog audit, Notifications notifications, TimeProvider clock)
{
    public Task<EntryAccess?> AccessAsync(int id, CancellationToken cancellationToken) =>
        db.Entries.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new EntryAccess(e.Id, e.StateIso3, e.Status, e.GroupId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The entry with its revisions and review events, tracked for a change.</summary>
    public Task<Entry?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Entries.Include(e => e.Revisions).Include(e => e.ReviewEvents).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    public uint VersionOf(Entry entry) => db.Entry(entry).Property<uint>(EntryConfiguration.VersionProperty).CurrentValue;

    /// <summary>What the workflow needs to know about the entry's State (or, for a joint entry, its group).</summary>
    public async Task<WorkflowContext> ContextAsync(Entry entry, CancellationToken cancellationToken)
    {
        if (entry.StateIso3 is not { } stateIso3)
        {
            // A joint entry publishes at once when the group speaks for initiative members only (the G7), and waits
            // for a moderator when any State of the group is a partner (docs/decisions/0010-group-coordinators.md).
            var groupId = entry.GroupId;
            var membersOnly = await db.Groups.Where(g => g.Id == groupId)
                .Select(g => g.Memberships.Any()
                             && g.Memberships.All(m => db.States.Any(s => s.Iso3 == m.StateIso3 && s.Participation == InitiativeParticipation.Member)))
                .SingleAsync(cancellationToken);
            return new WorkflowContext(StateIsInitiativeMember: membersOnly, StateHasSinglePointOfContact: false);
        }

        var isMember = await db.States.Where(s => s.Iso3 == stateIso3)
            .Select(s => s.Participation == InitiativeParticipation.Member)
            .SingleAsync(cancellationToken);
        // The same rule as the review queue's: a moderator stands in only where the State has one point of contact.
        var severalContacts = await db.StatesWithSeveralPointsOfContact().ContainsAsync(stateIso3, cancellationToken);
        return new WorkflowContext(isMember, !severalContacts);
    }

    /// <summary>A new draft of <paramref name="reportedBy"/> (the author's State, or the group they coordinate).</summary>
    public async Task<(SaveOutcome Outcome, Entry? Entry, string? MessageKey)> CreateAsync(
        int normNumber, int cycleId, EntryAuthor reportedBy, EntryContent content, WorkflowActor author, bool submit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            _ = Entry.CreateDraft(normNumber, cycleId, reportedBy, content, author, now);
        }
        catch (DomainException exception)
        {
            return (SaveOutcome.Refused, null, exception.Message);
        }

        // Two saves (the id is needed for the audit subject and the links) in one transaction, retried as a whole.
        // After a commit whose outcome is unknown, the draft is looked for by its author and creation instant,
        // so a retry never creates it twice.
        return await db.InRetriedTransactionAsync(
            async ct =>
            {
                var entry = Entry.CreateDraft(normNumber, cycleId, reportedBy, content, author, now);
                db.Entries.Add(entry);
                await db.SaveChangesAsync(ct);
                audit.Add(AuditActions.EntryCreated, Subject(entry), $"Norm {normNumber}, revision 1: {content.Title}");
                var refusal = submit ? await StepAsync(entry, WorkflowAction.Submit, author, null, ct) : null;
                await db.SaveChangesAsync(ct);
                return refusal is null
                    ? (SaveOutcome.Saved, entry, (string?)null)
                    : (SaveOutcome.SavedNotSubmitted, entry, refusal);
            },
            ct => db.Revisions.AsNoTracking().AnyAsync(
                r => r.Number == 1 && r.SavedByUserId == author.UserId && r.SavedAt == now && r.Title == content.Title, ct),
            cancellationToken);
    }

    /// <summary>Saves a new revision, provided the entry is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<(SaveOutcome Outcome, string? MessageKey)> EditAsync(
        Entry entry, uint expectedVersion, EntryContent content, WorkflowActor editor, bool submit, CancellationToken cancellationToken)
    {
        if (VersionOf(entry) != expectedVersion)
        {
            return (SaveOutcome.Conflict, null);
        }

        ExpectVersion(entry, expectedVersion);
        try
        {
            var revision = entry.Edit(content, editor, clock.GetUtcNow());
            audit.Add(AuditActions.EntryEdited, Subject(entry), $"Revision {revision.Number}: {content.Title}");
            if (submit && await StepAsync(entry, WorkflowAction.Submit, editor, null, cancellationToken) is { } refusal)
            {
                // The revision is still saved; only the submission was refused.
                return await SaveAsync(entry, SaveOutcome.SavedNotSubmitted, refusal, cancellationToken);
            }
        }
        catch (DomainException exception)
        {
            return (SaveOutcome.Refused, exception.Message);
        }

        return await SaveAsync(entry, SaveOutcome.Saved, null, cancellationToken);
    }

    /// <summary>Takes one workflow step, provided the entry is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<(SaveOutcome Outcome, string? MessageKey)> ApplyAsync(
        Entry entry, uint expectedVersion, WorkflowAction action, WorkflowActor actor, string? reason, CancellationToken cancellationToken)
    {
        if (VersionOf(entry) != expectedVersion)
        {
            return (SaveOutcome.Conflict, null);
        }

        ExpectVersion(entry, expectedVersion);
        var refusal = await StepAsync(entry, action, actor, reason, cancellationToken);
        return refusal is not null
            ? (SaveOutcome.Refused, refusal)
            : await SaveAsync(entry, SaveOutcome.Saved, null, cancellationToken);
    }

    private async Task<(SaveOutcome, string?)> SaveAsync(Entry entry, SaveOutcome outcome, string? message, CancellationToken cancellationToken)
    {
        var updatedAt = entry.UpdatedAt;
        try
        {
            // Retried on a transient failure. The row version makes a write after someone else's a conflict; after a
            // commit whose outcome is unknown, the entry's UpdatedAt (this step's instant) tells whether it went in,
            // so a retry neither applies the step twice nor reports the user's own write as a conflict.
            await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
                ct => db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct),
                ct => db.Entries.AsNoTracking().AnyAsync(e => e.Id == entry.Id && e.UpdatedAt == updatedAt, ct),
                cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
            return (outcome, message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: nothing of ours was written.
            db.ChangeTracker.Clear();
            return (SaveOutcome.Conflict, null);
        }
    }

    private void ExpectVersion(Entry entry, uint version) =>
        db.Entry(entry).Property<uint>(EntryConfiguration.VersionProperty).OriginalValue = version;

    /// <summary>Applies the step and queues its audit record and notifications; returns the refusal, if any.</summary>
    private async Task<string?> StepAsync(Entry entry, WorkflowAction action, WorkflowActor actor, string? reason, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(entry, cancellationToken);
        ReviewEvent step;
        try
        {
            step = entry.Apply(action, actor, context, clock.GetUtcNow(), reason);
        }
        catch (DomainException exception)
        {
            return exception.Message;
        }

        audit.Add(AuditActions.Workflow(action), Subject(entry),
            $"{step.FromStatus} → {step.ToStatus}, revision {step.RevisionNumber}" + (step.Reason is null ? "" : $": {step.Reason}"));
        // Who hears about the step, and what they read, is decided in one place: Mail/Notifications.cs.
        var revision = entry.LatestRevision!;
        await notifications.RaiseAsync(
            new EntryStepTaken(entry.Id, revision.Title, entry.StateIso3, entry.GroupId, revision.SavedByUserId, step, context), cancellationToken);
        return null;
    }

    private static string Subject(Entry entry) => AuditSubjects.Entry(entry.Id);
}
