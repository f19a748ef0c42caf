using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>
/// The page the reset link opens. The token is checked on arrival, so an old or used link says so at once
/// instead of after the user has typed a new password.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(AccountService accounts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string InvalidLinkMessage =
        "This link to reset your password does not work: it has expired (links last 2 hours), has already been used, or was copied incompletely.";

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkWorks { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkWorks = await accounts.ResetLinkWorksAsync(Email, Token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        LinkWorks = await accounts.ResetLinkWorksAsync(Email, Token);
        if (!LinkWorks || !await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        switch (await accounts.ResetPasswordAsync(Email, Token, Input.NewPassword, cancellationToken))
        {
            case PasswordResetResult.Done:
                Done = true;
                break;
            case PasswordResetResult.Refused refused:
                PasswordErrors.AddTo(ModelState, refused.PasswordErrors);
                break;
            default:
                LinkWorks = false;
                break;
        }

        return Page();
    }

    public sealed class InputModel
    {
        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer)
        {
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage(localizer, ValidationMessages.NewPasswordRequired)
                .MaximumLength(FieldLengths.Password).WithMessage(localizer, ValidationMessages.PasswordTooLong, FieldLengths.Password);
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage(localizer, ValidationMessages.PasswordsDiffer)
                .When(i => i.NewPassword.Length > 0);
        }
    }
}
