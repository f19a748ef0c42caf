using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.CapacityWork;

/// <summary>
/// A need's or offer's working copy: its owner's points of contact edit it while a draft and submit it; approvers of
/// its State approve or return it; moderators publish, return and withdraw — as <see cref="CapacityWorkflow"/> decides.
/// Everyone else gets a 404, as for another State's report. The forms carry the item's row version: a save or a step
/// on a text someone saved meanwhile writes nothing, and what the user typed stays in the form.
/// </summary>
public sealed class WorkModel(PortalDbContext db, CapacityService capacity, StateNames stateNames, IStringLocalizer<SharedResource> localizer)
    : PageModel, ICapacityFormPage
{
    [BindProperty]
    public CapacityFormInput Input { get; set; } = new();

    /// <summary>The item's row version when the page was loaded.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public CapacityFormOptions Options { get; private set; } = null!;

    public CapacityItem Item { get; private set; } = null!;

    /// <summary>The owner's name: the State's, in the reader's language, or the organisation's.</summary>
    public string OwnerName { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public IReadOnlyList<WorkflowStep> Steps { get; private set; } = [];

    public WorkflowAction? FailedAction { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>What a colleague saved while this user was editing: shown next to the user's own text, which stays in the form.</summary>
    public CapacityItem? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = CapacityFormInput.From(Item);
        Version = capacity.VersionOf(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        Input.Side = Item.Side;
        if (!await new CapacityFormValidator(localizer, Options).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        var (outcome, message) = await capacity.SaveAsync(id, Input.ToContent(), Version, PortalActor.From(User)!, cancellationToken);
        switch (outcome)
        {
            case SaveOutcome.Saved:
                TempData.SetNotice(localizer["Your changes are saved."]);
                return Redirect(Url.Content(Mail.Notifications.CapacityWorkPath(id)));
            case SaveOutcome.Conflict:
                await ShowConflictAsync(id, cancellationToken);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, localizer[message!]);
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromForm] WorkflowAction action, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = CapacityFormInput.From(Item);
        FailedAction = action;
        Reason = reason;
        if (reason?.Length > FieldLengths.ReviewReason)
        {
            ModelState.AddModelError("reason", localizer.Message(ValidationMessages.ReasonTooLong, FieldLengths.ReviewReason));
            return Page();
        }

        var actor = PortalActor.From(User)!;
        var decision = CapacityWorkflow.Decide(Item, action, actor, await capacity.ContextAsync(Item.StateIso3, cancellationToken), reason);
        if (decision.Refusal == WorkflowRefusal.ReasonRequired)
        {
            ModelState.AddModelError("reason", localizer[decision.Why ?? Domain.Common.DomainMessages.CapacityStepNotPossibleNow]);
            return Page();
        }

        if (!decision.IsAllowed)
        {
            ModelState.AddModelError(string.Empty, localizer[decision.Why ?? Domain.Common.DomainMessages.CapacityStepNotPossibleNow]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var (outcome, message) = await capacity.ApplyAsync(id, action, reason, Version, actor, cancellationToken);
        if (outcome == SaveOutcome.Saved)
        {
            TempData.SetNotice(localizer[Stepped(action, decision.To!.Value)]);
            return Redirect(Url.Content(Mail.Notifications.CapacityWorkPath(id)));
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        Input = CapacityFormInput.From(Item);
        Version = capacity.VersionOf(Item);
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(string.Empty, outcome == SaveOutcome.Conflict
            ? localizer["Someone changed this while you were reading it. Nothing was done: read it again as it is now, then decide."]
            : localizer[message!]);
        return Page();
    }

    private static string Stepped(WorkflowAction action, EntryStatus to) => (action, to) switch
    {
        (WorkflowAction.Submit, EntryStatus.Submitted) => "It is submitted: an approver of your State approves it.",
        (WorkflowAction.Submit, _) => "It is submitted: the secretariat moderates it.",
        (WorkflowAction.Approve, EntryStatus.Published) => "It is approved and published.",
        (WorkflowAction.Approve, _) => "It is approved and sent to the secretariat for moderation.",
        (WorkflowAction.Publish, _) => "It is published.",
        (WorkflowAction.Return, _) => "It is returned with your reason.",
        _ => "It is withdrawn.",
    };

    private async Task ShowConflictAsync(int id, CancellationToken cancellationToken)
    {
        // The item as it is now; the user's own text stays in the form, and saving again keeps it.
        db.ChangeTracker.Clear();
        Theirs = await db.CapacityItems.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
        var current = await capacity.LoadAsync(id, cancellationToken);
        Version = capacity.VersionOf(current!);
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(
            string.Empty,
            localizer["{0} saved this while you were editing it. Nothing of yours was saved yet: compare what they saved below with your text, then save again to keep yours.", Theirs.LastSavedByName]);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(User);
        var access = await capacity.AccessAsync(id, cancellationToken);
        if (access is null || !CapacityService.MayWorkOn(actor, access))
        {
            // Another owner's need or offer looks exactly like none at all.
            return NotFound();
        }

        Item = (await capacity.LoadAsync(id, cancellationToken))!;
        CanEdit = Item.Status == EntryStatus.Draft && Item.IsOwnedBy(actor!);
        Steps = CapacityWorkflow.StepsFor(Item, actor!, await capacity.ContextAsync(Item.StateIso3, cancellationToken));
        OwnerName = Item.StateIso3 is { } state
            ? stateNames.Of(state, await db.States.AsNoTracking().Where(s => s.Iso3 == state).Select(s => s.Name).SingleAsync(cancellationToken))
            : await db.Organisations.AsNoTracking().Where(o => o.Id == Item.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Options = await CapacityFormOptions.LoadAsync(db, localizer, Item.SourceReportId, Item.ActionKeys, cancellationToken);
        return null;
    }
}
