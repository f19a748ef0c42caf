using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>
/// Re-authentication: a signed-in user proves their password again before a sensitive change
/// (<see cref="RequiresRecentSignInAttribute"/>). Wrong passwords count towards the lockout like at sign-in.
/// The session's 12-hour limit still counts from the original sign-in.
/// </summary>
public sealed class ConfirmPasswordModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditLog audit, PortalDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string WrongPasswordMessage = "That is not your password.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            audit.AddFor(user, user.Email!, AuditActions.LockedOut, AuditSubjects.User(user.Email));
            await db.SaveChangesAsync();
            await signIn.SignOutAsync();
            return RedirectToPage("/Account/SignIn");
        }

        if (!result.Succeeded)
        {
            audit.AddFor(user, user.Email!, AuditActions.SignInFailed, AuditSubjects.User(user.Email), "Wrong password when confirming it");
            await db.SaveChangesAsync();
            ModelState.AddModelError("Input.Password", localizer[WrongPasswordMessage]);
            return Page();
        }

        await PortalSessions.MarkAuthenticatedAsync(HttpContext);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage("/Account/Index");
    }

    public sealed class InputModel
    {
        public string Password { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer) => RuleFor(i => i.Password).NotEmpty().WithMessage(localizer, ValidationMessages.PasswordRequired);
    }
}
