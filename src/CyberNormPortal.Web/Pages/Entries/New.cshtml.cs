using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Rendering;
using CyberNormPortal.Web.Validation;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>A contributor or approver starts an entry for their own State.</summary>
public sealed class NewModel(
    PortalDbContext db, EntryService entries, MarkdownRenderer markdown, IStringLocalizer<SharedResource> localizer) : PageModel, IEntryFormPage
{
    [BindProperty]
    public EntryFormInput Input { get; set; } = new();

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

        if (!await new EntryFormValidator(db).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        var author = PortalActor.From(User)!;
        var submit = Command == EntryCommands.Submit;
        var (outcome, entry, message) = await entries.CreateAsync(
            Input.NormNumber!.Value, Input.CycleId!.Value, Input.ToContent(), author, submit, cancellationToken);
        if (entry is null)
        {
            ModelState.AddModelError(string.Empty, message!);
            return Page();
        }

        TempData.SetNotice(EntryNotices.Saved(localizer, outcome, submit));
        return RedirectToPage("/Entries/Review", new { id = entry.Id });
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        Norms = await EntryFormOptions.NormsAsync(db, cancellationToken);
        Cycles = await EntryFormOptions.CyclesAsync(db, null, cancellationToken);
    }
}
