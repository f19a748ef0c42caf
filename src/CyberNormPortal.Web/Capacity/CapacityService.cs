using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Configurations;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Capacity;

/// <summary>The facts about a need or offer that decide who may see its working copy.</summary>
public sealed record CapacityAccess(int Id, CapacitySide Side, string? StateIso3, int? OrganisationId, EntryStatus Status);

/// <summary>
/// Writes needs and offers: a new draft, a save of the draft, and workflow steps — each in one retried unit of work
/// with its audit record and its mails. A save or a step checks the item's row version, so nobody overwrites or signs
/// off what they have not seen; a refusal comes back as its message key (one of <see cref="DomainMessages"/>).
/// </summary>
public sealed class CapacityService(PortalDbContext db, AuditLog audit, Notifications notifications, CapacityMatchService matches, TimeProvider clock)
{
    public Task<CapacityAccess?> AccessAsync(int id, CancellationToken cancellationToken) =>
        db.CapacityItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new CapacityAccess(i.Id, i.Side, i.StateIso3, i.OrganisationId, i.Status))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The item with its events, tracked.</summary>
    public Task<CapacityItem?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.CapacityItems.Include(i => i.Events).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public uint VersionOf(CapacityItem item) => db.Entry(item).Property<uint>(EntryConfiguration.VersionProperty).CurrentValue;

    /// <summary>
    /// What the workflow needs to know about the owner, by the entries' rule: a State's participation and whether it has
    /// a single point of contact; an organisation's offer is never a member's (it always goes through moderation).
    /// </summary>
    public async Task<WorkflowContext> ContextAsync(string? stateIso3, CancellationToken cancellationToken)
    {
        if (stateIso3 is null)
        {
            return new WorkflowContext(StateIsInitiativeMember: false, StateHasSinglePointOfContact: false);
        }

        var isMember = await db.States.Where(s => s.Iso3 == stateIso3)
            .Select(s => s.Participation == InitiativeParticipation.Member)
            .SingleAsync(cancellationToken);
        var severalContacts = await db.StatesWithSeveralPointsOfContact().ContainsAsync(stateIso3, cancellationToken);
        return new WorkflowContext(isMember, !severalContacts);
    }

    /// <summary>
    /// Whom <paramref name="actor"/> posts for: their State when they contribute to one, otherwise the organisation they
    /// represent; (null, null) when neither.
    /// </summary>
    public static (string? StateIso3, int? OrganisationId) OwnerFor(WorkflowActor actor) =>
        actor.SpeaksFor(actor.StateIso3) ? (actor.StateIso3, null)
        : actor.RepresentsOrganisation(actor.OrganisationId) ? (null, actor.OrganisationId)
        : (null, null);

    /// <summary>
    /// Who may open a need's or offer's working copy (<c>/capacity/work/{id}</c>): its owner's points of contact, as
    /// <see cref="CapacityItem.IsOwnedBy"/> says, and acting moderators. Everyone else is told it does not exist.
    /// </summary>
    public static bool MayWorkOn(WorkflowActor? actor, CapacityAccess access) =>
        actor is not null
        && ((access.OrganisationId is { } organisation ? actor.RepresentsOrganisation(organisation) : actor.SpeaksFor(access.StateIso3))
            || actor.Has(WorkflowRoles.Moderator));

    /// <summary>A new draft of the actor's State or organisation.</summary>
    public async Task<(SaveOutcome Outcome, int? Id, string? MessageKey)> CreateAsync(
        CapacitySide side, CapacityContent content, CapacitySource? source, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var (state, organisation) = OwnerFor(actor);
        if (state is null && organisation is null)
        {
            return (SaveOutcome.Refused, null, DomainMessages.CapacityNotAPointOfContact);
        }

        var now = clock.GetUtcNow();
        try
        {
            _ = CapacityItem.Draft(side, state, organisation, content, actor, now, source);
        }
        catch (DomainException exception)
        {
            return (SaveOutcome.Refused, null, exception.Message);
        }

        var id = await db.InRetriedTransactionAsync(
            async ct =>
            {
                var item = CapacityItem.Draft(side, state, organisation, content, actor, now, source);
                db.CapacityItems.Add(item);
                await db.SaveChangesAsync(ct);
                audit.Add(AuditActions.CapacityCreated, AuditSubjects.Capacity(item.Id),
                    $"{side}, TLP:{content.Visibility.ToString().ToUpperInvariant()}" + (source is null ? "" : $", from report {source.ReportId} action {source.ActionKey}"));
                await db.SaveChangesAsync(ct);
                return item.Id;
            },
            ct => db.CapacityItems.AsNoTracking().AnyAsync(i => i.CreatedAt == now && i.LastSavedByUserId == actor.UserId, ct),
            cancellationToken);
        return (SaveOutcome.Saved, id, null);
    }

    /// <summary>Saves the draft's content, provided nobody saved it since <paramref name="expectedVersion"/>.</summary>
    public async Task<(SaveOutcome Outcome, string? MessageKey)> SaveAsync(
        int id, CapacityContent content, uint expectedVersion, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            return await db.InRetriedTransactionAsync<(SaveOutcome, string?)>(
                async ct =>
                {
                    if (await LoadAsync(id, ct) is not { } item)
                    {
                        return (SaveOutcome.Refused, DomainMessages.CapacityStepNotPossibleNow);
                    }

                    if (VersionOf(item) != expectedVersion)
                    {
                        return (SaveOutcome.Conflict, null);
                    }

                    db.Entry(item).Property<uint>(EntryConfiguration.VersionProperty).OriginalValue = expectedVersion;
                    try
                    {
                        item.Edit(content, actor, now);
                    }
                    catch (DomainException exception)
                    {
                        return (SaveOutcome.Refused, exception.Message);
                    }

                    audit.Add(AuditActions.CapacitySaved, AuditSubjects.Capacity(id), $"TLP:{content.Visibility.ToString().ToUpperInvariant()}");
                    await db.SaveChangesAsync(ct);
                    return (SaveOutcome.Saved, null);
                },
                ct => db.CapacityItems.AsNoTracking().AnyAsync(i => i.Id == id && i.UpdatedAt == now && i.LastSavedByUserId == actor.UserId, ct),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (SaveOutcome.Conflict, null);
        }
    }

    /// <summary>
    /// Takes one workflow step, provided the item is still at <paramref name="expectedVersion"/> (nobody approves a text
    /// saved after they read it), with its audit record and its mails.
    /// </summary>
    public async Task<(SaveOutcome Outcome, string? MessageKey)> ApplyAsync(
        int id, WorkflowAction action, string? reason, uint expectedVersion, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var published = false;
        try
        {
            var outcome = await db.InRetriedTransactionAsync<(SaveOutcome, string?)>(
                async ct =>
                {
                    if (await LoadAsync(id, ct) is not { } item)
                    {
                        return (SaveOutcome.Refused, DomainMessages.CapacityStepNotPossibleNow);
                    }

                    if (VersionOf(item) != expectedVersion)
                    {
                        return (SaveOutcome.Conflict, null);
                    }

                    db.Entry(item).Property<uint>(EntryConfiguration.VersionProperty).OriginalValue = expectedVersion;
                    var context = await ContextAsync(item.StateIso3, ct);
                    CapacityEvent step;
                    try
                    {
                        step = item.Apply(action, actor, context, now, reason);
                    }
                    catch (DomainException exception)
                    {
                        return (SaveOutcome.Refused, exception.Message);
                    }

                    audit.Add(AuditActions.CapacityWorkflow(action), AuditSubjects.Capacity(id),
                        $"{step.FromStatus} → {step.ToStatus}" + (step.Reason is null ? "" : $": {step.Reason}"));
                    await notifications.RaiseAsync(
                        new CapacityStepTaken(item.Id, item.Title, item.StateIso3, item.OrganisationId, step, context), ct);
                    await db.SaveChangesAsync(ct);
                    published = step.ToStatus == EntryStatus.Published;
                    return (SaveOutcome.Saved, null);
                },
                ct => db.CapacityEvents.AsNoTracking().AnyAsync(e => e.ItemId == id && e.At == now && e.Action == action, ct),
                cancellationToken);

            // Once published, the owners of the counterparts it matches hear of it (once per item, CapacityMatchService).
            if (published)
            {
                await matches.AnnounceSuggestionsAsync(id, cancellationToken);
            }

            return outcome;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (SaveOutcome.Conflict, null);
        }
    }
}
