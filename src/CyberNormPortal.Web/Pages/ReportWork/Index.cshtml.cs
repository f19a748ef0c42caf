using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Reports;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.ReportWork;

/// <summary>
/// A report's working copy: its parts as saved (each with who saved it), its label, and the steps the reader may
/// take — submit, sign off, return, publish, withdraw — as <see cref="ReportWorkflow"/> decides. The forms carry the
/// report's row version and a stamp of its parts, so nobody signs off answers saved after they loaded the page.
/// </summary>
public sealed class IndexModel(
    PortalDbContext db, ReportService reports, IAuthorizationService authorization, StateNames stateNames, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    private WorkflowContext _context = new(false, false);

    public NationalReport Report { get; private set; } = null!;

    public Questionnaire Questionnaire { get; private set; } = null!;

    public ReportView View { get; private set; } = null!;

    public string StateName { get; private set; } = "";

    public string CycleName { get; private set; } = "";

    public string CycleSlug { get; private set; } = "";

    public DateOnly ClosesOn { get; private set; }

    public IReadOnlyList<WorkflowStep> Steps { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public uint Version { get; private set; }

    public string PartsStamp { get; private set; } = "";

    public WorkflowAction? FailedAction { get; private set; }

    public string? Reason { get; private set; }

    public ReportEvent? LastReturn => Report.Events.Where(e => e.Action == WorkflowAction.Return).MaxBy(e => e.At) is { } returned
                                      && Report.Status == EntryStatus.Draft ? returned : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(
        int id, [FromForm] WorkflowAction action, [FromForm] string? reason, [FromForm] uint version, [FromForm] string? partsStamp,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var actor = PortalActor.From(User)!;
        FailedAction = action;
        Reason = reason;
        if (reason?.Length > FieldLengths.ReviewReason)
        {
            ModelState.AddModelError("reason", localizer.Message(ValidationMessages.ReasonTooLong, FieldLengths.ReviewReason));
            return Page();
        }

        var decision = ReportWorkflow.Decide(Report, action, actor, _context, reason);
        if (decision.Refusal == WorkflowRefusal.ReasonRequired)
        {
            ModelState.AddModelError("reason", localizer[DomainMessagesFor(decision)]);
            return Page();
        }

        if (!decision.IsAllowed)
        {
            ModelState.AddModelError(string.Empty, localizer[DomainMessagesFor(decision)]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var (outcome, message) = await reports.ApplyAsync(Report, version, partsStamp ?? "", action, actor, reason, cancellationToken);
        if (outcome == SaveOutcome.Saved)
        {
            TempData.SetNotice(localizer[Stepped(action, Report.Status)]);
            return RedirectToPage(new { id });
        }

        return await ShowFailureAsync(id, outcome, message, cancellationToken);
    }

    /// <summary>Sets the report's TLP label (its parts can be more restricted, never less).</summary>
    public async Task<IActionResult> OnPostLabelAsync(int id, [FromForm] TlpLabel visibility, [FromForm] uint version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!CanEdit || !Enum.IsDefined(visibility))
        {
            return Forbid();
        }

        var (outcome, message) = await reports.SetVisibilityAsync(Report, version, visibility, PortalActor.From(User)!, cancellationToken);
        if (outcome == SaveOutcome.Saved)
        {
            TempData.SetNotice(localizer["The report's label is now {0}.", Labels.Tlp(visibility)]);
            return RedirectToPage(new { id });
        }

        return await ShowFailureAsync(id, outcome, message, cancellationToken);
    }

    /// <summary>Someone else acted first, or the rules refused: the report as it is now, with why.</summary>
    private async Task<IActionResult> ShowFailureAsync(int id, SaveOutcome outcome, string? message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        ModelState.AddModelError(string.Empty, outcome == SaveOutcome.Conflict
            ? localizer["Someone changed this report while you were reading it. Nothing was done: read it again as it is now, then decide."]
            : localizer[message!]);
        return Page();
    }

    private static string DomainMessagesFor(WorkflowDecision decision) => decision.Why ?? Domain.Common.DomainMessages.ReportStepNotPossibleNow;

    private static string Stepped(WorkflowAction action, EntryStatus status) => (action, status) switch
    {
        (WorkflowAction.Submit, _) => "The report is submitted: your State's approver signs it off.",
        (WorkflowAction.Approve, EntryStatus.Published) => "The report is signed off and published.",
        (WorkflowAction.Approve, _) => "The report is signed off and sent to the secretariat for moderation.",
        (WorkflowAction.Publish, _) => "The report is published.",
        (WorkflowAction.Return, _) => "The report is returned with your reason.",
        _ => "The published version of the report is withdrawn.",
    };

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var access = await reports.AccessAsync(id, cancellationToken);
        if (access is null || !(await authorization.AuthorizeAsync(User, access, ReportOperations.ReadWorkingCopy)).Succeeded)
        {
            // Another State's report looks exactly like no report at all.
            return NotFound();
        }

        CanEdit = (await authorization.AuthorizeAsync(User, access, ReportOperations.Edit)).Succeeded;
        Report = (await reports.LoadAsync(id, cancellationToken))!;
        Questionnaire = await reports.QuestionnaireAsync(Report.QuestionnaireId, cancellationToken);
        var facts = await db.States.AsNoTracking().Where(s => s.Iso3 == Report.StateIso3)
            .Select(s => new
            {
                s.Name,
                IsMember = s.Participation == InitiativeParticipation.Member,
                Cycle = db.Cycles.Where(c => c.Id == Report.CycleId).Select(c => new { c.Name, c.Slug, c.ClosesOn }).Single(),
            })
            .SingleAsync(cancellationToken);
        StateName = stateNames.Of(Report.StateIso3, facts.Name);
        CycleName = facts.Cycle.Name;
        CycleSlug = facts.Cycle.Slug;
        ClosesOn = facts.Cycle.ClosesOn;
        var severalContacts = await db.StatesWithSeveralPointsOfContact().ContainsAsync(Report.StateIso3, cancellationToken);
        _context = new WorkflowContext(facts.IsMember, !severalContacts);
        Steps = ReportWorkflow.StepsFor(Report, PortalActor.From(User)!, _context);
        Version = reports.VersionOf(Report);
        PartsStamp = reports.PartsStamp(Report);
        View = await ReportView.BuildAsync(
            db, Questionnaire, Report.Parts.Select(p => (p.PartKey, p.Visibility, p.Answers, p.UpdatedAt, p.UpdatedByName)), Reader.From(User), cancellationToken);
        return null;
    }
}
