using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.States;

public sealed class IndexModel(PortalDbContext db, AuditLog audit, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record StateRow(string Iso3, string Name, RegionalGroup Region, InitiativeParticipation Participation);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StateRow> States { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var codes = Input.Participation.Keys.ToList();
        var states = await db.States.Where(s => codes.Contains(s.Iso3)).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var state in states)
        {
            var old = state.Participation;
            if (state.SetParticipation(Input.Participation[state.Iso3]))
            {
                audit.Add(AuditActions.ParticipationChanged, AuditSubjects.State(state.Iso3), $"{old} → {state.Participation}");
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData.SetNotice(localizer["Participation saved: {0} States changed.", changed]);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        States = StateNames.Sort(
            (await db.States.AsNoTracking()
                .Select(s => new StateRow(s.Iso3, s.Name, s.RegionalGroup, s.Participation))
                .ToListAsync(cancellationToken))
            .Select(s => s with { Name = names.Of(s.Iso3, s.Name) }),
            s => s.Name);

    public sealed class InputModel
    {
        /// <summary>Each State's participation, by ISO3 code.</summary>
        public Dictionary<string, InitiativeParticipation> Participation { get; set; } = [];
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer) =>
            RuleFor(i => i.Participation).Must(p => p.Values.All(Enum.IsDefined)).WithMessage(localizer, ValidationMessages.ParticipationUnknown);
    }
}
