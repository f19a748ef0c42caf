using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditLog audit, PortalDbContext db, StartPages startPages) : PageModel
{
    public const string FailureMessage = "The e-mail address or password is not right, or the account is not active.";

    private static readonly InputValidator Validator = new();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            audit.AddFor(null, Input.Email.Trim(), AuditActions.SignInFailed, AuditSubjects.User(Input.Email.Trim()), "No such account");
            await db.SaveChangesAsync();
            ModelState.AddModelError(string.Empty, FailureMessage);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            audit.AddFor(user, user.Email!, AuditActions.SignIn, AuditSubjects.User(user.Email));
            await db.SaveChangesAsync();
            return Url.IsLocalUrl(ReturnUrl)
                ? LocalRedirect(ReturnUrl)
                : RedirectToPage(await startPages.ForAsync(await signIn.CreateUserPrincipalAsync(user)));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        }

        if (result.IsLockedOut)
        {
            audit.AddFor(user, user.Email!, AuditActions.LockedOut, AuditSubjects.User(user.Email));
            await db.SaveChangesAsync();
            ModelState.AddModelError(string.Empty, LockedOutMessage);
            return Page();
        }

        audit.AddFor(user, user.Email!, AuditActions.SignInFailed, AuditSubjects.User(user.Email), result.IsNotAllowed ? "Account not active" : "Wrong password");
        await db.SaveChangesAsync();
        ModelState.AddModelError(string.Empty, FailureMessage);
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
        public InputValidator()
        {
            RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your e-mail address.")
                .MaximumLength(256).WithMessage("An e-mail address has at most 256 characters.")
                .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.");
            RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password.");
        }
    }
}
