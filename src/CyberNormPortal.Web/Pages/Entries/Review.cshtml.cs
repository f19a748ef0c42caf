using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Rendering;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>
/// An entry's working copy — its newest revision, whatever its status — with the workflow steps the signed-in
/// user may take on it now. Only the entry's own State's points of contact and moderators reach it.
/// </summary>
public sealed class ReviewModel(
    PortalDbContext db,
    EntryService entries,
    IAuthorizationService authorization,
    MarkdownRenderer markdown,
    StateNames stateNames,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>What the workflow needs to know about the entry's State, read once per request.</summary>
    private WorkflowContext _context = null!;

    public Entry Entry { get; private set; } = null!;

    public Revision Latest { get; private set; } = null!;

    public uint Version { get; private set; }

    public string AuthorName { get; private set; } = "";

    public string NormShortTitle { get; private set; } = "";

    public string CycleName { get; private set; } = "";

    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    /// <summary>Each translation of the working copy with its body rendered, reviewed and published with it.</summary>
    public IReadOnlyList<(EntryTranslation Translation, IHtmlContent Body)> Translations { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>The steps this user may take now, as the domain answers once; each gets its own form.</summary>
    public IReadOnlyList<WorkflowStep> Steps { get; private set; } = [];

    /// <summary>What the newest revision changes against the published one, while a new revision is in progress.</summary>
    public IReadOnlyList<FieldDiff>? ChangesSincePublished { get; private set; }

    public ReviewEvent? LastReturn { get; private set; }

    /// <summary>Where approving takes this entry, as the workflow decides for its State: published, or to the moderators.</summary>
    public EntryStatus? ApprovalLeadsTo { get; private set; }

    /// <summary>The step that failed on the last post, to show its error next to its reason field.</summary>
    public WorkflowAction? FailedAction { get; private set; }

    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        int id, [FromForm] WorkflowAction action, [FromForm] string? reason, [FromForm] uint version, CancellationToken cancellationToken)
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

        var decision = EntryWorkflow.Decide(Entry, action, actor, _context, reason);
        if (decision.Refusal == WorkflowRefusal.ReasonRequired)
        {
            ModelState.AddModelError("reason", localizer[Labels.Refusal(WorkflowRefusal.ReasonRequired)]);
            return Page();
        }

        if (!decision.IsAllowed)
        {
            ModelState.AddModelError(string.Empty, localizer[Labels.Refusal(decision.Refusal!.Value)]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var (outcome, message) = await entries.ApplyAsync(Entry, version, action, actor, reason, cancellationToken);
        if (outcome == SaveOutcome.Saved)
        {
            TempData.SetNotice(EntryNotices.Stepped(localizer, action, Entry));
            return RedirectToPage("/Entries/Review", new { id });
        }

        // Someone else acted first (or the rules refused): show the entry as it is now, with why.
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        ModelState.AddModelError(string.Empty, outcome == SaveOutcome.Conflict
            ? localizer["Someone else changed this entry while you were looking at it. Here it is as it is now: check it, then decide again."]
            : localizer[message!]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var access = await entries.AccessAsync(id, cancellationToken);
        if (access is null || !(await authorization.AuthorizeAsync(User, access, EntryOperations.ReadWorkingCopy)).Succeeded)
        {
            return NotFound();
        }

        Entry = (await entries.LoadAsync(id, cancellationToken))!;
        Latest = Entry.LatestRevision!;
        Version = entries.VersionOf(Entry);
        var names = await db.Entries.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                Author = e.StateIso3 != null
                    ? db.States.Where(s => s.Iso3 == e.StateIso3).Select(s => s.Name).First()
                    : db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Name).First(),
                Norm = db.Norms.Where(n => n.Number == e.NormNumber).Select(n => n.ShortTitle).First(),
                Cycle = db.Cycles.Where(c => c.Id == e.CycleId).Select(c => c.Name).First(),
            })
            .SingleAsync(cancellationToken);
        AuthorName = stateNames.Author(Entry.StateIso3, names.Author);
        NormShortTitle = names.Norm;
        CycleName = names.Cycle;
        Body = markdown.Render(Latest.Body);
        Translations = [.. Latest.Translations.Select(t => (t, markdown.Render(t.Body)))];
        CanEdit = (await authorization.AuthorizeAsync(User, access, EntryOperations.Edit)).Succeeded;
        LastReturn = Entry.Status == EntryStatus.Draft
            ? Entry.ReviewEvents.OrderBy(e => e.At).LastOrDefault() is { Action: WorkflowAction.Return } returned ? returned : null
            : null;
        if (Entry.PublishedRevisionNumber is { } published && published != Latest.Number)
        {
            ChangesSincePublished = TextDiff.Revisions(Entry.Revisions.Single(r => r.Number == published), Latest, localizer);
        }

        var actor = PortalActor.From(User)!;
        _context = await entries.ContextAsync(Entry, cancellationToken);
        Steps = EntryWorkflow.StepsFor(Entry, actor, _context);
        ApprovalLeadsTo = Steps.Where(step => step.Action == WorkflowAction.Approve).Select(step => (EntryStatus?)step.To).FirstOrDefault();
        return null;
    }
}
