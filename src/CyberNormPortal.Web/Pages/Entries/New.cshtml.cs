using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Rendering;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>
/// A contributor or approver starts an entry for their own State; a group coordinator a joint entry of their group.
/// Someone who is both chooses which of the two reports it.
/// </summary>
public sealed class NewModel(
    PortalDbContext db, EntryService entries, MarkdownRenderer markdown, IStringLocalizer<SharedResource> localizer, StateNames stateNames) : PageModel, IEntryFormPage
{
    /// <summary>The <see cref="ReportFor"/> value of a joint entry of the user's group.</summary>
    public const string ForGroup = "group";

    /// <summary>The <see cref="ReportFor"/> value of an entry of the user's own State.</summary>
    public const string ForState = "state";

    [BindProperty]
    public EntryFormInput Input { get; set; } = new();

    /// <summary>Who reports the entry, <see cref="ForState"/> or <see cref="ForGroup"/>; asked only of someone who may do both.</summary>
    [BindProperty]
    public string? ReportFor { get; set; }

    /// <summary>What the user may report for: their State, their group, or both (value, name).</summary>
    public IReadOnlyList<(string Value, string Name)> Authors { get; private set; } = [];

    [BindProperty]
    public string? Command { get; set; }

    public IReadOnlyList<EntryFormOption> Norms { get; private set; } = [];

    public IReadOnlyList<EntryFormOption> Cycles { get; private set; } = [];

    public IHtmlContent? Preview { get; private set; }

    public bool CanSubmit => true;

    public bool IsExisting => false;

    public async Task OnGetAsync(int? norm, CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
        Input.NormNumber = norm;
        Input.CycleId = Cycles.Count == 1 ? Cycles[0].Value : null;
        Input.PadReferences();
        Input.PadTranslations();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken);
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

        var chosen = Authors.Count == 1 ? Authors[0].Value : ReportFor;
        if (!Authors.Any(a => a.Value == chosen))
        {
            ModelState.AddModelError(nameof(ReportFor), localizer[ValidationMessages.ReporterRequired]);
        }

        if (!await new EntryFormValidator(db, localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        var author = PortalActor.From(User)!;
        var reportedBy = chosen == ForGroup ? EntryAuthor.JointGroup(author.GroupId!.Value) : EntryAuthor.State(author.StateIso3!);
        var submit = Command == EntryCommands.Submit;
        var (outcome, entry, message) = await entries.CreateAsync(
            Input.NormNumber!.Value, Input.CycleId!.Value, reportedBy, Input.ToContent(), author, submit, cancellationToken);
        if (entry is null)
        {
            ModelState.AddModelError(string.Empty, localizer[message!]);
            return Page();
        }

        TempData.SetNotice(EntryNotices.Saved(localizer, outcome, submit, entry));
        return RedirectToPage("/Entries/Review", new { id = entry.Id });
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        Norms = await EntryFormOptions.NormsAsync(db, localizer, cancellationToken);
        Cycles = await EntryFormOptions.CyclesAsync(db, null, cancellationToken);
        var actor = PortalActor.From(User)!;
        var state = actor.SpeaksFor(actor.StateIso3)
            ? stateNames.Of(actor.StateIso3!, await db.States.AsNoTracking().Where(s => s.Iso3 == actor.StateIso3).Select(s => s.Name).SingleAsync(cancellationToken))
            : null;
        var group = actor.Coordinates(actor.GroupId)
            ? await db.Groups.AsNoTracking().Where(g => g.Id == actor.GroupId).Select(g => g.Name).SingleAsync(cancellationToken)
            : null;
        Authors = [.. new[] { (ForState, state), (ForGroup, group) }.Where(a => a.Item2 is not null).Select(a => (a.Item1, a.Item2!))];
    }
}
