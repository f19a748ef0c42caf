using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Rendering;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>
/// Saves a new revision of an entry. The form carries the entry's row version and the revision it started
/// from: when someone else saved in between, nothing is overwritten — the page shows what they changed and
/// keeps this user's text in the form.
/// </summary>
public sealed class EditModel(
    PortalDbContext db,
    EntryService entries,
    IAuthorizationService authorization,
    MarkdownRenderer markdown,
    IStringLocalizer<SharedResource> localizer) : PageModel, IEntryFormPage
{
    [BindProperty]
    public EntryFormInput Input { get; set; } = new();

    [BindProperty]
    public string? Command { get; set; }

    /// <summary>The entry's row version when the form was loaded.</summary>
    [BindProperty]
    public uint Version { get; set; }

    /// <summary>The revision the user's text started from.</summary>
    [BindProperty]
    public int BaseRevision { get; set; }

    public int EntryId { get; private set; }

    public IReadOnlyList<EntryFormOption> Norms { get; private set; } = [];

    public IReadOnlyList<EntryFormOption> Cycles { get; private set; } = [];

    public IHtmlContent? Preview { get; private set; }

    public bool CanSubmit => true;

    public bool IsExisting => true;

    public bool IsPublished { get; private set; }

    /// <summary>Set when someone else saved while this user was editing.</summary>
    public ConflictInfo? Conflict { get; private set; }

    public sealed record ConflictInfo(string SavedBy, DateTimeOffset SavedAt, int Revision, IReadOnlyList<FieldDiff> Changes);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (entry, refusal) = await LoadAuthorizedAsync(id, cancellationToken);
        if (entry is null)
        {
            return refusal!;
        }

        var latest = entry.LatestRevision!;
        Input = EntryFormInput.From(entry.NormNumber, entry.CycleId, latest);
        Input.PadReferences();
        Input.PadTranslations();
        Version = entries.VersionOf(entry);
        BaseRevision = latest.Number;
        await LoadOptionsAsync(entry, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var (entry, refusal) = await LoadAuthorizedAsync(id, cancellationToken);
        if (entry is null)
        {
            return refusal!;
        }

        await LoadOptionsAsync(entry, cancellationToken);

        // The norm and cycle of an existing entry do not change; only its text does.
        Input.NormNumber = entry.NormNumber;
        Input.CycleId = entry.CycleId;
        if (Command == EntryCommands.Preview)
        {
            ModelState.Clear();
            Preview = markdown.Render(Input.Body);
            return Page();
        }

        if (Command == EntryCommands.AddTranslation)
        {
            ModelState.Clear();
            Input.Translations.Add(new TranslationInput());
            return Page();
        }

        if (!await new EntryFormValidator(db, localizer, acceptedCycleId: entry.CycleId).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        var submit = Command == EntryCommands.Submit;
        var (outcome, message) = await entries.EditAsync(entry, Version, Input.ToContent(), PortalActor.From(User)!, submit, cancellationToken);
        switch (outcome)
        {
            case SaveOutcome.Conflict:
                await ShowConflictAsync(id, cancellationToken);
                return Page();
            case SaveOutcome.Refused:
                ModelState.AddModelError(string.Empty, localizer[message!]);
                return Page();
            default:
                TempData.SetNotice(EntryNotices.Saved(localizer, outcome, submit, entry));
                return RedirectToPage("/Entries/Review", new { id });
        }
    }

    private async Task ShowConflictAsync(int id, CancellationToken cancellationToken)
    {
        // Read the entry as it is now; the user's own text stays in the form, untouched.
        db.ChangeTracker.Clear();
        var current = (await entries.LoadAsync(id, cancellationToken))!;
        var latest = current.LatestRevision!;
        var start = current.Revisions.SingleOrDefault(r => r.Number == BaseRevision) ?? latest;
        Conflict = new ConflictInfo(latest.SavedByName, latest.SavedAt, latest.Number, TextDiff.Revisions(start, latest, localizer));
        Version = entries.VersionOf(current);
        BaseRevision = latest.Number;
        ModelState.Remove(nameof(Version));
        ModelState.Remove(nameof(BaseRevision));
        ModelState.AddModelError(
            string.Empty,
            localizer["{0} changed this entry while you were editing it. Nothing of yours was saved yet: compare their changes below with your text, then save again to keep yours.", latest.SavedByName]);
        IsPublished = current.IsPublic;
    }

    private async Task<(Entry? Entry, IActionResult? Refusal)> LoadAuthorizedAsync(int id, CancellationToken cancellationToken)
    {
        EntryId = id;
        var access = await entries.AccessAsync(id, cancellationToken);
        if (access is null || !(await authorization.AuthorizeAsync(User, access, EntryOperations.ReadWorkingCopy)).Succeeded)
        {
            // Another State's entry looks exactly like no entry at all.
            return (null, NotFound());
        }

        if (!(await authorization.AuthorizeAsync(User, access, EntryOperations.Edit)).Succeeded)
        {
            if (access.Status is not (EntryStatus.Submitted or EntryStatus.AwaitingModeration or EntryStatus.Withdrawn))
            {
                return (null, Forbid());
            }

            TempData.SetNotice(localizer["This entry is being reviewed, so it cannot be edited now. It can be edited again if it is returned."]);
            return (null, RedirectToPage("/Entries/Review", new { id }));
        }

        var entry = (await entries.LoadAsync(id, cancellationToken))!;
        IsPublished = entry.IsPublic;
        return (entry, null);
    }

    private async Task LoadOptionsAsync(Entry entry, CancellationToken cancellationToken)
    {
        Norms = await EntryFormOptions.NormsAsync(db, localizer, cancellationToken);
        Cycles = await EntryFormOptions.CyclesAsync(db, entry.CycleId, cancellationToken);
    }
}
