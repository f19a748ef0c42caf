using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Moderation.NormTexts;

/// <summary>
/// Moderators enter the official text of a norm in Arabic, Chinese, French, Russian or Spanish, copied from the
/// official language version of A/70/174, with its source; a text entered again replaces the old one. Audited. The
/// English is seeded and stays as the seed has it. Until a language has its text, the norm page shows the English
/// with a note: nothing here is ever a translation of our own.
/// </summary>
public sealed class IndexModel(
    PortalDbContext db, AuditLog audit, UserManager<PortalUser> users, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The languages a moderator enters: the six but English, which the seed data holds.</summary>
    public static IReadOnlyList<PortalCulture> Languages { get; } = [.. PortalCultures.All.Where(c => c.Name != PortalCultures.DefaultName)];

    public sealed record NormRow(int Number, string ShortTitle, IReadOnlySet<string> Languages);

    public IReadOnlyList<NormRow> Norms { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(int? norm, string? language, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.NormNumber = norm is { } n && Norm.IsValidNumber(n) ? n : null;
        Input.Language = Languages.FirstOrDefault(c => c.Name == language)?.Name ?? "";
        if (Input.NormNumber is { } number && Input.Language.Length > 0)
        {
            var existing = await db.NormTexts.AsNoTracking()
                .SingleOrDefaultAsync(t => t.NormNumber == number && t.Language == Input.Language, cancellationToken);
            (Input.Text, Input.Source) = existing is null ? ("", "") : (existing.Text, existing.Source);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Text = Input.Text.Trim();
        Input.Source = Input.Source.Trim();
        if (!await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var number = Input.NormNumber!.Value;
        var moderator = users.GetUserId(User);
        var now = clock.GetUtcNow();
        var text = await db.NormTexts.SingleOrDefaultAsync(t => t.NormNumber == number && t.Language == Input.Language, cancellationToken);
        var replaced = text is not null;
        if (text is null)
        {
            db.NormTexts.Add(new NormText(number, Input.Language, Input.Text, Input.Source, moderator, now));
        }
        else
        {
            text.Replace(Input.Text, Input.Source, moderator, now);
        }

        audit.Add(
            AuditActions.NormTextSaved,
            AuditSubjects.NormText(number, Input.Language),
            $"{(replaced ? "Replaced" : "Entered")} the official {Input.Language} text of norm {number}; source: {Input.Source}");
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetNotice(localizer["The official text of norm {0} in {1} is saved.", number, PortalCultures.OrDefault(Input.Language).NativeName]);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken);
        var entered = (await db.NormTexts.AsNoTracking().Select(t => new { t.NormNumber, t.Language }).ToListAsync(cancellationToken))
            .ToLookup(t => t.NormNumber, t => t.Language);
        Norms = [.. norms.Select(n => new NormRow(n.Number, n.ShortTitle, entered[n.Number].ToHashSet(StringComparer.Ordinal)))];
    }

    public sealed class InputModel
    {
        public int? NormNumber { get; set; }

        public string Language { get; set; } = "";

        public string Text { get; set; } = "";

        public string Source { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer)
        {
            RuleFor(i => i.NormNumber).Must(n => n is { } number && Norm.IsValidNumber(number)).WithMessage(localizer, ValidationMessages.NormUnknownInList);
            RuleFor(i => i.Language).Must(l => Languages.Any(c => c.Name == l)).WithMessage(localizer, ValidationMessages.LanguageUnknown);
            RuleFor(i => i.Text).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.OfficialTextRequired)
                .MaximumLength(NormText.MaxTextLength).WithMessage(localizer, ValidationMessages.OfficialTextTooLong, NormText.MaxTextLength);
            RuleFor(i => i.Source).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.OfficialTextSourceRequired)
                .MaximumLength(NormText.MaxSourceLength).WithMessage(localizer, ValidationMessages.OfficialTextSourceTooLong, NormText.MaxSourceLength);
        }
    }
}
