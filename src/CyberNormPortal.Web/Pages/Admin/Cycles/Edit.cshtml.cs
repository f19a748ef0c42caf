using System.Text.RegularExpressions;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Synthesis;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.Cycles;

public sealed partial class EditModel(PortalDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<ScopeOption> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (cycle is null)
            {
                return NotFound();
            }

            Input = new InputModel
            {
                Name = cycle.Name,
                Slug = cycle.Slug,
                OpensOn = cycle.OpensOn,
                ClosesOn = cycle.ClosesOn,
                ScopeGroupId = cycle.ScopeGroupId,
                IsOpen = cycle.IsOpen,
                ReminderDays = ReminderDaysText.Format(cycle.ReminderDays),
            };
        }

        await LoadGroupsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        ReportingCycle? cycle = null;
        if (id is not null && (cycle = await db.Cycles.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }

        Input.Slug = Input.Slug.Trim();
        Input.Name = Input.Name.Trim();
        if (!await new InputValidator(db, id, localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            await LoadGroupsAsync(cancellationToken);
            return Page();
        }

        var reminderDays = ReminderDaysText.Parse(Input.ReminderDays)!;
        var opensOn = Input.OpensOn!.Value;
        var closesOn = Input.ClosesOn!.Value;
        if (cycle is null)
        {
            cycle = new ReportingCycle(Input.Slug, Input.Name, opensOn, closesOn, Input.ScopeGroupId, Input.IsOpen);
            db.Cycles.Add(cycle);
        }
        else
        {
            cycle.Update(Input.Slug, Input.Name, opensOn, closesOn, Input.ScopeGroupId, Input.IsOpen);
        }

        try
        {
            cycle.SetReminderDays(reminderDays);
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ReminderDays)}", localizer[refusal.Message]);
            await LoadGroupsAsync(cancellationToken);
            return Page();
        }

        audit.Add(
            AuditActions.CycleSaved,
            AuditSubjects.Cycle(cycle.Slug),
            $"{(id is null ? "Created" : "Edited")}: {cycle.Name}, {opensOn:yyyy-MM-dd} to {closesOn:yyyy-MM-dd}, scope group {cycle.ScopeGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all States"}, {(cycle.IsOpen ? "open" : "closed")}, reminders {ReminderDaysText.Format(cycle.ReminderDays)} days before closing");
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetNotice(localizer["Cycle “{0}” saved.", cycle.Name]);
        return RedirectToPage("/Admin/Cycles/Index");
    }

    private async Task LoadGroupsAsync(CancellationToken cancellationToken) =>
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new ScopeOption(g.Id.ToString(), g.Name))
            .ToListAsync(cancellationToken);

    public sealed class InputModel
    {
        public string Name { get; set; } = "";

        public string Slug { get; set; } = "";

        public DateOnly? OpensOn { get; set; }

        public DateOnly? ClosesOn { get; set; }

        public int? ScopeGroupId { get; set; }

        public bool IsOpen { get; set; }

        /// <summary>Days before closing on which States are reminded, comma-separated (<see cref="ReminderDaysText"/>).</summary>
        public string? ReminderDays { get; set; } = ReminderDaysText.Format(ReportingCycle.DefaultReminderDays);
    }

    public sealed partial class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PortalDbContext db, int? id, IStringLocalizer localizer)
        {
            RuleFor(i => i.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.CycleNameRequired)
                .MaximumLength(FieldLengths.CycleName).WithMessage(localizer, ValidationMessages.NameTooLong, FieldLengths.CycleName);
            RuleFor(i => i.Slug).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.CycleSlugRequired)
                .MaximumLength(FieldLengths.CycleSlug).WithMessage(localizer, ValidationMessages.SlugTooLong, FieldLengths.CycleSlug)
                .Matches(SlugPattern()).WithMessage(localizer, ValidationMessages.CycleSlugPattern)
                .MustAsync(async (slug, cancellationToken) => !await db.Cycles.AnyAsync(c => c.Slug == slug && c.Id != id, cancellationToken))
                .WithMessage(localizer, ValidationMessages.CycleSlugTaken);
            RuleFor(i => i.OpensOn).NotNull().WithMessage(localizer, ValidationMessages.OpensOnRequired);
            RuleFor(i => i.ClosesOn).NotNull().WithMessage(localizer, ValidationMessages.ClosesOnRequired)
                .GreaterThanOrEqualTo(i => i.OpensOn).When(i => i.OpensOn is not null)
                .WithMessage(localizer, DomainMessages.CycleClosesBeforeItOpens);
            RuleFor(i => i.ScopeGroupId)
                .MustAsync((groupId, cancellationToken) => db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
                .When(i => i.ScopeGroupId is not null)
                .WithMessage(localizer, ValidationMessages.GroupUnknown);
            RuleFor(i => i.ReminderDays).Cascade(CascadeMode.Stop)
                .Must(text => ReminderDaysText.Parse(text) is not null).WithMessage(localizer, ValidationMessages.ReminderDaysInvalid)
                .Must(text => ReminderDaysText.Parse(text)!.All(d => d is >= 1 and <= 365)).WithMessage(localizer, DomainMessages.ReminderDaysOutOfRange);
        }

        [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
        private static partial Regex SlugPattern();
    }
}
