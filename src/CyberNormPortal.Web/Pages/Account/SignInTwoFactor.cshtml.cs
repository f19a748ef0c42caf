using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<PortalUser> signIn, AuditLog audit, PortalDbContext db, StartPages startPages, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string WrongCodeMessage = "That code is not right. Enter the current 6-digit code from your app, or a recovery code.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The first step expired or never happened.
            return RedirectToPage("/Account/SignIn");
        }

        if (!await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var code = new string(Input.Code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Trim());

        if (result.Succeeded)
        {
            audit.AddFor(user, user.Email!, AuditActions.SignIn, AuditSubjects.User(user.Email), "With two-factor code");
            await db.SaveChangesAsync();
            return Url.IsLocalUrl(ReturnUrl)
                ? LocalRedirect(ReturnUrl)
                : LocalRedirect(Url.Content(await startPages.ForAsync(await signIn.CreateUserPrincipalAsync(user))));
        }

        audit.AddFor(user, user.Email!, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, AuditSubjects.User(user.Email), "Wrong two-factor code");
        await db.SaveChangesAsync();
        ModelState.AddModelError("Input.Code", localizer[result.IsLockedOut ? SignInModel.LockedOutMessage : WrongCodeMessage]);
        return Page();
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer) =>
            RuleFor(i => i.Code).NotEmpty().WithMessage(localizer, ValidationMessages.SignInCodeRequired)
                .MaximumLength(FieldLengths.TwoFactorCode).WithMessage(localizer, ValidationMessages.SignInCodeTooLong, FieldLengths.TwoFactorCode);
    }
}
