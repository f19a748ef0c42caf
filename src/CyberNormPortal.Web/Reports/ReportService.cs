using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Configurations;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CyberNormPortal.Web.Reports;

/// <summary>The facts about a report that decide who may see or change its working copy.</summary>
public sealed record ReportAccess(int Id, string StateIso3, int CycleId, EntryStatus Status);

/// <summary>
/// Writes national reports: starting one (empty, or from the State's last report), saving a part, changing the
/// label, and workflow steps — each in one unit of work with its audit record, its notifications and the read
/// tables. A part's save checks the part's row version and a step the report's, so nobody overwrites what they have
/// not seen; a refusal comes back as its message key (one of <see cref="DomainMessages"/>).
/// </summary>
public sealed class ReportService(PortalDbContext db, AuditLog audit, Notifications notifications, TimeProvider clock)
{
    public Task<ReportAccess?> AccessAsync(int id, CancellationToken cancellationToken) =>
        db.Reports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new ReportAccess(r.Id, r.StateIso3, r.CycleId, r.Status))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The report with its parts, events and versions, tracked for a change.</summary>
    public Task<NationalReport?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Reports.Include(r => r.Parts).Include(r => r.Events).Include(r => r.Versions).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The questionnaire version a report answers, read-only.</summary>
    public Task<Questionnaire> QuestionnaireAsync(int questionnaireId, CancellationToken cancellationToken) =>
        db.Questionnaires.AsNoTracking().Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery()
            .SingleAsync(q => q.Id == questionnaireId, cancellationToken);

    public uint VersionOf(NationalReport report) => db.Entry(report).Property<uint>(EntryConfiguration.VersionProperty).CurrentValue;

    public uint VersionOf(ReportPart part) => db.Entry(part).Property<uint>(EntryConfiguration.VersionProperty).CurrentValue;

    /// <summary>The State's most recent report of an earlier cycle, whose answers "start from our last report" carries.</summary>
    public Task<int?> PreviousReportIdAsync(string stateIso3, int cycleId, CancellationToken cancellationToken) =>
        db.Reports.AsNoTracking()
            .Where(r => r.StateIso3 == stateIso3 && r.CycleId != cycleId)
            .Where(r => db.Cycles.Any(c => c.Id == r.CycleId && c.ClosesOn <= db.Cycles.Where(x => x.Id == cycleId).Select(x => x.ClosesOn).Single()))
            .OrderByDescending(r => db.Cycles.Where(c => c.Id == r.CycleId).Select(c => c.ClosesOn).Single())
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Starts the actor's State's report for the cycle, on the cycle's latest questionnaire, empty or with the answers
    /// of the State's previous report. When the State's report already exists (someone started it first), returns it.
    /// </summary>
    public async Task<(SaveOutcome Outcome, int? ReportId, string? MessageKey)> StartAsync(
        int cycleId, WorkflowActor actor, bool fromPrevious, CancellationToken cancellationToken)
    {
        if (actor.StateIso3 is not { } state || !actor.SpeaksFor(state))
        {
            return (SaveOutcome.Refused, null, DomainMessages.ReportNotAPointOfContact);
        }

        if (await ExistingAsync(cycleId, state, cancellationToken) is { } existing)
        {
            return (SaveOutcome.Saved, existing, null);
        }

        var questionnaire = await db.Questionnaires.Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery()
            .Where(q => q.CycleId == cycleId).OrderByDescending(q => q.Version).FirstOrDefaultAsync(cancellationToken);
        if (questionnaire is null)
        {
            return (SaveOutcome.Refused, null, DomainMessages.QuestionnaireItemNotFound);
        }

        NationalReport? previous = null;
        if (fromPrevious && await PreviousReportIdAsync(state, cycleId, cancellationToken) is { } previousId)
        {
            previous = await db.Reports.AsNoTracking().Include(r => r.Parts).SingleAsync(r => r.Id == previousId, cancellationToken);
        }

        try
        {
            var report = NationalReport.Start(cycleId, state, questionnaire, actor, clock.GetUtcNow(), previous);
            db.Reports.Add(report);
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(AuditActions.ReportStarted, AuditSubjects.Report(report.Id),
                previous is null ? $"Cycle {cycleId}, questionnaire version {questionnaire.Version}" : $"Cycle {cycleId}, from report {previous.Id}");
            await db.SaveChangesAsync(cancellationToken);
            return (SaveOutcome.Saved, report.Id, null);
        }
        catch (DomainException exception)
        {
            return (SaveOutcome.Refused, null, exception.Message);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another contributor of the State started it at the same moment: theirs is the report.
            db.ChangeTracker.Clear();
            return (SaveOutcome.Saved, await ExistingAsync(cycleId, state, cancellationToken), null);
        }
    }

    /// <summary>Saves one part, provided nobody saved it since <paramref name="expectedPartVersion"/>.</summary>
    public async Task<(SaveOutcome Outcome, string? MessageKey)> SavePartAsync(
        NationalReport report, string partKey, uint expectedPartVersion, PartAnswers answers, TlpLabel visibility, WorkflowActor editor,
        CancellationToken cancellationToken)
    {
        var part = report.Parts.SingleOrDefault(p => p.PartKey == partKey);
        if (part is null)
        {
            return (SaveOutcome.Refused, DomainMessages.QuestionnaireItemNotFound);
        }

        if (VersionOf(part) != expectedPartVersion)
        {
            return (SaveOutcome.Conflict, null);
        }

        db.Entry(part).Property<uint>(EntryConfiguration.VersionProperty).OriginalValue = expectedPartVersion;
        try
        {
            var wasPublished = report.Status == EntryStatus.Published;
            if (!report.SavePart(partKey, answers, visibility, editor, clock.GetUtcNow()))
            {
                return (SaveOutcome.Saved, null);
            }

            audit.Add(AuditActions.ReportPartSaved, AuditSubjects.Report(report.Id), $"Part {partKey}" + (wasPublished ? ", new draft after publication" : ""));
        }
        catch (DomainException exception)
        {
            return (SaveOutcome.Refused, exception.Message);
        }

        var savedAt = part.UpdatedAt;
        return await SaveAsync(
            null,
            ct => db.ReportParts.AsNoTracking().AnyAsync(p => p.Id == part.Id && p.UpdatedAt == savedAt && p.UpdatedByUserId == editor.UserId, ct),
            cancellationToken);
    }

    /// <summary>Sets the report's label, provided the report is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<(SaveOutcome Outcome, string? MessageKey)> SetVisibilityAsync(
        NationalReport report, uint expectedVersion, TlpLabel visibility, WorkflowActor editor, CancellationToken cancellationToken)
    {
        if (VersionOf(report) != expectedVersion)
        {
            return (SaveOutcome.Conflict, null);
        }

        db.Entry(report).Property<uint>(EntryConfiguration.VersionProperty).OriginalValue = expectedVersion;
        try
        {
            report.SetVisibility(visibility, editor, clock.GetUtcNow());
            audit.Add(AuditActions.ReportLabelChanged, AuditSubjects.Report(report.Id), $"TLP:{visibility.ToString().ToUpperInvariant()}");
        }
        catch (DomainException exception)
        {
            return (SaveOutcome.Refused, exception.Message);
        }

        return await SaveAsync(
            null, ct => db.Reports.AsNoTracking().AnyAsync(r => r.Id == report.Id && r.Visibility == visibility, ct), cancellationToken);
    }

    /// <summary>
    /// A fingerprint of every part's row version: a step is taken on the answers the user saw, so a part saved since
    /// they loaded the page makes the step a conflict (nobody signs off answers they have not read).
    /// </summary>
    public string PartsStamp(NationalReport report) =>
        string.Join('.', report.Parts.OrderBy(p => p.Id).Select(p => VersionOf(p).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Takes one workflow step, provided the report is still at <paramref name="expectedVersion"/> and its parts at
    /// <paramref name="expectedPartsStamp"/>.
    /// </summary>
    public async Task<(SaveOutcome Outcome, string? MessageKey)> ApplyAsync(
        NationalReport report, uint expectedVersion, string expectedPartsStamp, WorkflowAction action, WorkflowActor actor, string? reason,
        CancellationToken cancellationToken)
    {
        if (VersionOf(report) != expectedVersion || PartsStamp(report) != expectedPartsStamp)
        {
            return (SaveOutcome.Conflict, null);
        }

        db.Entry(report).Property<uint>(EntryConfiguration.VersionProperty).OriginalValue = expectedVersion;
        var context = await ContextAsync(report.StateIso3, cancellationToken);
        var closesOn = await db.Cycles.Where(c => c.Id == report.CycleId).Select(c => c.ClosesOn).SingleAsync(cancellationToken);
        var published = report.PublishedVersionNumber;
        ReportEvent step;
        try
        {
            step = report.Apply(action, actor, context, clock.GetUtcNow(), closesOn, reason);
        }
        catch (DomainException exception)
        {
            return (SaveOutcome.Refused, exception.Message);
        }

        audit.Add(AuditActions.ReportWorkflow(action), AuditSubjects.Report(report.Id),
            $"{step.FromStatus} → {step.ToStatus}" + (report.IsLate && action == WorkflowAction.Approve ? ", late" : "") + (step.Reason is null ? "" : $": {step.Reason}"));
        await notifications.RaiseAsync(new ReportStepTaken(report.Id, report.StateIso3, report.CycleId, step, context), cancellationToken);
        var refreshReadModel = report.PublishedVersionNumber != published;
        return await SaveAsync(
            refreshReadModel ? ct => ReportReadModel.RefreshAsync(db, report, ct) : null,
            ct => db.ReportEvents.AsNoTracking().AnyAsync(e => e.ReportId == report.Id && e.At == step.At && e.Action == step.Action, ct),
            cancellationToken);
    }

    /// <summary>What the workflow needs to know about the report's State, by the entries' rule.</summary>
    private async Task<WorkflowContext> ContextAsync(string stateIso3, CancellationToken cancellationToken)
    {
        var isMember = await db.States.Where(s => s.Iso3 == stateIso3)
            .Select(s => s.Participation == InitiativeParticipation.Member)
            .SingleAsync(cancellationToken);
        var severalContacts = await db.StatesWithSeveralPointsOfContact().ContainsAsync(stateIso3, cancellationToken);
        return new WorkflowContext(isMember, !severalContacts);
    }

    private Task<int?> ExistingAsync(int cycleId, string stateIso3, CancellationToken cancellationToken) =>
        db.Reports.AsNoTracking().Where(r => r.CycleId == cycleId && r.StateIso3 == stateIso3).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Saves what is tracked, with <paramref name="alsoInTransaction"/> (the read tables' refresh) in the same
    /// transaction, retried as a whole on a transient failure. After a commit whose outcome is unknown,
    /// <paramref name="verifySucceeded"/> tells whether it went in. A row version that moved is a conflict: nothing of
    /// this user's was written.
    /// </summary>
    private async Task<(SaveOutcome, string?)> SaveAsync(
        Func<CancellationToken, Task>? alsoInTransaction, Func<CancellationToken, Task<bool>> verifySucceeded, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
                async ct =>
                {
                    if (alsoInTransaction is not null)
                    {
                        await alsoInTransaction(ct);
                    }

                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                },
                verifySucceeded,
                cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
            return (SaveOutcome.Saved, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (SaveOutcome.Conflict, null);
        }
    }
}
