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
/// Asks for a password-reset link. The answer is the same whether or not the address has an account, so the
/// page cannot be used to find out who has one; only an active account gets the mail.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(AccountService accounts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        await accounts.RequestPasswordResetAsync(Input.Email, HttpContext.RequestAborted);

        // The same answer either way (post, redirect, get: a reload does not send another mail).
        return RedirectToPage("/Account/ForgotPassword", new { sent = true });
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer) =>
            RuleFor(i => i.Email).NotEmpty().WithMessage(localizer, ValidationMessages.EmailRequired)
                .MaximumLength(FieldLengths.Email).WithMessage(localizer, ValidationMessages.EmailTooLong, FieldLengths.Email)
                .EmailAddress().WithMessage(localizer, ValidationMessages.EmailInvalid);
    }
}
