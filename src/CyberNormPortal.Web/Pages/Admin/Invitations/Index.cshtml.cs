using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.Invitations;

public sealed class IndexModel(
    PortalDbContext db, AccountService accounts, TimeProvider clock, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public enum InvitationStatus
    {
        Pending,
        Accepted,
        Expired,
        Revoked,
    }

    public sealed record InvitationRow(
        int Id, string Email, string DisplayName, string Role, string? StateIso3, string? GroupName, string? OrganisationName, string? InvitedBy,
        DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationStatus Status);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        // The invitee has no account, so no language yet: the mail is written in the one chosen here, the admin's by default.
        Input.Language = PortalCultures.Current.Name;
        await LoadAsync(page, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await new InputValidator(db, localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            var language = PortalCultures.Find(Input.Language) ?? PortalCultures.Current;
            var request = new InvitationRequest(
                Input.Email, Input.DisplayName, Input.Role, RoleBinding.For([Input.Role], Input.StateIso3, Input.GroupId, Input.OrganisationId), language.Name);
            switch (await accounts.InviteAsync(request, User, cancellationToken))
            {
                case InvitationResult.Sent sent:
                    TempData.SetNotice(localizer["Invitation sent to {0}.", sent.Invitation.Email]);
                    return RedirectToPage();
                case InvitationResult.Refused refused:
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Email)}", localizer[refused.MessageKey]);
                    break;
            }
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        switch (await accounts.RevokeInvitationAsync(id, cancellationToken))
        {
            case InvitationResult.NotFound:
                return NotFound();
            case InvitationResult.Revoked revoked:
                TempData.SetNotice(localizer["Invitation to {0} revoked: its link no longer works.", revoked.Invitation.Email]);
                break;
            default:
                TempData.SetNotice(localizer["That invitation was no longer pending."]);
                break;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(int? page, CancellationToken cancellationToken)
    {
        States = await db.StateOptionsAsync(names, cancellationToken);
        Groups = await db.GroupOptionsAsync(cancellationToken);
        Organisations = await db.OrganisationOptionsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Paging = Paging.For(page, await db.Invitations.CountAsync(cancellationToken));
        Invitations = await db.Invitations.AsNoTracking()
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(i => new InvitationRow(
                i.Id,
                i.Email,
                i.DisplayName,
                i.Role,
                i.StateIso3,
                db.Groups.Where(g => g.Id == i.GroupId).Select(g => g.Name).FirstOrDefault(),
                db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                i.CreatedAt,
                i.ExpiresAt,
                i.RevokedAt != null ? InvitationStatus.Revoked
                    : i.AcceptedAt != null ? InvitationStatus.Accepted
                    : i.ExpiresAt <= now ? InvitationStatus.Expired
                    : InvitationStatus.Pending))
            .ToListAsync(cancellationToken);
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string Role { get; set; } = "";

        public string? StateIso3 { get; set; }

        /// <summary>The group a group coordinator is invited for.</summary>
        public int? GroupId { get; set; }

        /// <summary>The organisation an organisation contact is invited for.</summary>
        public int? OrganisationId { get; set; }

        /// <summary>The language the invitation mail is written in; the inviting page's when not given.</summary>
        public string? Language { get; set; }
    }

    /// <summary>The form's own rules; whether the address may be invited is the service's (<see cref="AccountService.InviteAsync"/>).</summary>
    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PortalDbContext db, IStringLocalizer localizer)
        {
            RuleFor(i => i.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.InviteeEmailRequired)
                .MaximumLength(FieldLengths.Email).WithMessage(localizer, ValidationMessages.EmailTooLong, FieldLengths.Email)
                .EmailAddress().WithMessage(localizer, ValidationMessages.EmailInvalid);
            RuleFor(i => i.DisplayName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, ValidationMessages.InviteeNameRequired)
                .MaximumLength(FieldLengths.PersonName).WithMessage(localizer, ValidationMessages.NameTooLong, FieldLengths.PersonName);
            RuleFor(i => i.Role).Must(r => PortalRoles.All.Contains(r)).WithMessage(localizer, ValidationMessages.RoleRequired);
            RuleFor(i => i.Language).Must(l => string.IsNullOrEmpty(l) || PortalCultures.All.Any(c => c.Name == l))
                .WithMessage(localizer, ValidationMessages.LanguageUnknown);
            this.BindingRules(i => [i.Role], i => i.StateIso3, i => i.GroupId, i => i.OrganisationId, db, localizer, refuseUnneeded: true);
        }
    }
}
