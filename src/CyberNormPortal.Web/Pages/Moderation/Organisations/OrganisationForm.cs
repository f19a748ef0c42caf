using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Pages.Entries;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CyberNormPortal.Web.Pages.Moderation.Organisations;

/// <summary>
/// The organisation form of the register and edit pages: a name no other organisation has and an optional web
/// address; saving it is audited. One rule for both pages.
/// </summary>
public static class OrganisationForm
{
    public sealed class InputModel
    {
        public string Name { get; set; } = "";

        public string? Website { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PortalDbContext db, int? id, IStringLocalizer localizer)
        {
            RuleFor(i => i.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, DomainMessages.OrganisationNameRequired)
                .MaximumLength(FieldLengths.OrganisationName).WithMessage(localizer, ValidationMessages.NameTooLong, FieldLengths.OrganisationName)
                .MustAsync(async (name, cancellationToken) => !await NameTakenAsync(db, name, id, cancellationToken))
                .WithMessage(localizer, ValidationMessages.OrganisationNameTaken);
            When(i => !string.IsNullOrEmpty(i.Website), () =>
                RuleFor(i => i.Website!).Cascade(CascadeMode.Stop)
                    .MaximumLength(FieldLengths.Website).WithMessage(localizer, ValidationMessages.ReferenceUrlTooLong, FieldLengths.Website)
                    .Must(EntryFormValidator.IsWebAddress).WithMessage(localizer, ValidationMessages.ReferenceUrlInvalid));
        }
    }

    /// <summary>Trims what was typed, as the organisation will keep it.</summary>
    public static void Trim(InputModel input)
    {
        input.Name = input.Name.Trim();
        input.Website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();
    }

    /// <summary>
    /// Registers an organisation (<paramref name="id"/> null) or changes one, with its audit record, in one transaction.
    /// Returns its id; null when the organisation does not exist. When another organisation took the name meanwhile,
    /// the error stands next to the name and nothing is saved (0 is returned).
    /// </summary>
    public static async Task<int?> SaveAsync(
        PortalDbContext db, AuditLog audit, TimeProvider clock, int? id, InputModel input, ModelStateDictionary modelState,
        IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InRetriedTransactionAsync<int?>(
                async ct =>
                {
                    Organisation? organisation;
                    if (id is null)
                    {
                        organisation = new Organisation(input.Name, input.Website, clock.GetUtcNow());
                        db.Organisations.Add(organisation);
                    }
                    else
                    {
                        organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
                        if (organisation is null)
                        {
                            return null;
                        }

                        organisation.Rename(input.Name, input.Website);
                    }

                    await db.SaveChangesAsync(ct);
                    audit.Add(
                        id is null ? AuditActions.OrganisationCreated : AuditActions.OrganisationChanged,
                        AuditSubjects.Organisation(organisation.Id),
                        $"Name: {organisation.Name}; website: {organisation.Website ?? "none"}");
                    await db.SaveChangesAsync(ct);
                    return organisation.Id;
                },
                ct => db.Organisations.AnyAsync(o => o.Name == input.Name && o.Website == input.Website && (id == null || o.Id == id), ct),
                cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError("Input.Name", localizer[ValidationMessages.OrganisationNameTaken]);
            return 0;
        }
    }

    private static Task<bool> NameTakenAsync(PortalDbContext db, string name, int? id, CancellationToken cancellationToken)
    {
        var lower = name.Trim().ToLower();
        return db.Organisations.AnyAsync(o => o.Name.ToLower() == lower && o.Id != id, cancellationToken);
    }
}
