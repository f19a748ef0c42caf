using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Capacity;

/// <summary>
/// A match as the secretariat and both sides' points of contact follow it (everyone else: 404): both items, who
/// consented when, its status and history, and the steps the reader may take now (<see cref="MatchWorkflow.StepsFor"/>).
/// </summary>
public sealed class MatchModel(CapacityMatchService matches, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public MatchAccess Access { get; private set; } = null!;

    public CapacityMatch Match { get; private set; } = null!;

    public uint Version { get; private set; }

    public IReadOnlyList<MatchStep> Steps { get; private set; } = [];

    /// <summary>The step that failed on the last post, to show its error next to its note field and keep the text.</summary>
    public MatchAction? FailedAction { get; private set; }

    public string? Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(
        int id, [FromForm] MatchAction action, [FromForm] string? note, [FromForm] uint version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        FailedAction = action;
        Note = note;
        if (note?.Length > FieldLengths.MatchNote)
        {
            ModelState.AddModelError("note", localizer.Message(ValidationMessages.NoteTooLong, FieldLengths.MatchNote));
            return Page();
        }

        var decision = MatchWorkflow.Decide(Match, action, CapacityMatchService.ActorOf(User, Access)!, note);
        if (!decision.IsAllowed && decision.Why is DomainMessages.ReasonRequired or DomainMessages.MatchOutcomeRequired)
        {
            ModelState.AddModelError("note", localizer[decision.Why]);
            return Page();
        }

        var result = await matches.ApplyAsync(id, version, action, note, User, cancellationToken);
        switch (result.Outcome)
        {
            case MatchOutcome.Saved:
                TempData.SetNotice(localizer["Done: {0}.", localizer[Labels.MatchActionButton(action)]]);
                return RedirectToPage("/Capacity/Match", new { id });
            case MatchOutcome.NotFound:
                return NotFound();
            default:
                await LoadAsync(id, cancellationToken);
                ModelState.AddModelError(string.Empty, result.Outcome == MatchOutcome.Conflict
                    ? localizer["Someone else changed this match while you were looking at it. Here it is as it is now: check it, then decide again."]
                    : localizer[result.MessageKey!]);
                Response.StatusCode = result.Outcome == MatchOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
                return Page();
        }
    }

    /// <summary>The label of a step's note field: a reason to close, the outcome of a delivery.</summary>
    public static string NoteLabel(MatchAction action) => action == MatchAction.Deliver ? "Outcome" : "Reason";

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await matches.AccessAsync(id, Reader.From(User), cancellationToken) is not { } access)
        {
            return false;
        }

        Access = access;
        (Match, Version) = await matches.LoadAsync(id, cancellationToken);
        Steps = CapacityMatchService.ActorOf(User, access) is { } actor ? MatchWorkflow.StepsFor(Match, actor) : [];
        return true;
    }
}
