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

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditLog audit, PortalDbContext db, StartPages startPages, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string FailureMessage = "The e-mail address or password is not right, or the account is not active.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            audit.AddFor(null, Input.Email.Trim(), AuditActions.SignInFailed, AuditSubjects.User(Input.Email.Trim()), "No such account");
            await db.SaveChangesAsync();
            ModelState.AddModelError(string.Empty, localizer[FailureMessage]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            audit.AddFor(user, user.Email!, AuditActions.SignIn, AuditSubjects.User(user.Email));
            await db.SaveChangesAsync();
            return Url.IsLocalUrl(ReturnUrl)
                ? LocalRedirect(ReturnUrl)
                : LocalRedirect(Url.Content(await startPages.ForAsync(await signIn.CreateUserPrincipalAsync(user))));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        }

        if (result.IsLockedOut)
        {
            audit.AddFor(user, user.Email!, AuditActions.LockedOut, AuditSubjects.User(user.Email));
            await db.SaveChangesAsync();
            ModelState.AddModelError(string.Empty, localizer[LockedOutMessage]);
            return Page();
        }

        audit.AddFor(user, user.Email!, AuditActions.SignInFailed, AuditSubjects.User(user.Email), result.IsNotAllowed ? "Account not active" : "Wrong password");
        await db.SaveChangesAsync();
        ModelState.AddModelError(string.Empty, localizer[FailureMessage]);
        return Page();
    }

    public const string LockedOutMessage =
        "Too many wrong attempts: this account is locked for 15 minutes. You can reset your password meanwhile.";

    public sealed class InputModel
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer)
        {
            RuleFor(i => i.Email).NotEmpty().WithMessage(localizer, ValidationMessages.EmailRequired)
                .MaximumLength(FieldLengths.Email).WithMessage(localizer, ValidationMessages.EmailTooLong, FieldLengths.Email)
                .EmailAddress().WithMessage(localizer, ValidationMessages.EmailInvalid);
            RuleFor(i => i.Password).NotEmpty().WithMessage(localizer, ValidationMessages.PasswordRequired);
        }
    }
}
