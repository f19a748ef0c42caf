using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>
/// The page an invitation link opens: the invited person chooses a name and password, and the account is made
/// with the invitation's role and State or group (<see cref="AccountService.AcceptInvitationAsync"/>). The link works once,
/// also when two submissions race.
/// </summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(AccountService accounts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Invitation = await accounts.FindUsableInvitationAsync(Token, cancellationToken);
        if (Invitation is null)
        {
            return Unusable();
        }

        Input.DisplayName = Invitation.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Invitation = await accounts.FindUsableInvitationAsync(Token, cancellationToken);
        if (Invitation is null)
        {
            return Unusable();
        }

        if (!await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        switch (await accounts.AcceptInvitationAsync(Token, Input.DisplayName, Input.NewPassword, PortalCultures.Current.Name, cancellationToken))
        {
            case AcceptResult.Accepted { NeedsTwoFactor: true }:
                return RedirectToPage("/Account/TwoFactor", new { required = "true" });
            case AcceptResult.Accepted:
                return RedirectToPage("/Index");
            case AcceptResult.Refused refused:
                if (refused.MessageKey is { } key)
                {
                    ModelState.AddModelError(string.Empty, localizer[key]);
                }

                PasswordErrors.AddTo(ModelState, refused.PasswordErrors);
                return Page();
            default:
                return Unusable();
        }
    }

    /// <summary>Unknown, used, revoked or expired: one plain page, and 410 so nothing caches it as a form.</summary>
    private PageResult Unusable()
    {
        Invitation = null;
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = "";

        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer)
        {
            RuleFor(i => i.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(localizer, ValidationMessages.OwnNameRequired)
                .MaximumLength(FieldLengths.PersonName).WithMessage(localizer, ValidationMessages.NameTooLong, FieldLengths.PersonName);
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage(localizer, ValidationMessages.ChosenPasswordRequired)
                .MaximumLength(FieldLengths.Password).WithMessage(localizer, ValidationMessages.PasswordTooLong, FieldLengths.Password);
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage(localizer, ValidationMessages.PasswordsDiffer)
                .When(i => i.NewPassword.Length > 0);
        }
    }
}
