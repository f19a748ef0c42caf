using System.Text;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>
/// The page the reset link opens. The token is checked on arrival, so an old or used link says so at once
/// instead of after the user has typed a new password.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<PortalUser> users, AuditLog audit, PortalDbContext db) : PageModel
{
    public const string InvalidLinkMessage =
        "This link to reset your password does not work: it has expired (links last 2 hours), has already been used, or was copied incompletely.";

    private static readonly InputValidator Validator = new();

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
        LinkWorks = await FindUserWithValidTokenAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var found = await FindUserWithValidTokenAsync();
        if (found is not { } valid)
        {
            return Page();
        }

        LinkWorks = true;
        if (!await Validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var (user, token) = valid;
        var result = await users.ResetPasswordAsync(user, token, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                LinkWorks = false;
                return Page();
            }

            PasswordErrors.AddTo(ModelState, result.Errors);
            return Page();
        }

        // A user locked out by wrong guesses may sign in with the new password at once.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.AddFor(user, user.Email!, AuditActions.PasswordReset, AuditSubjects.User(user.Email));
        await db.SaveChangesAsync();
        Done = true;
        return Page();
    }

    private async Task<(PortalUser User, string Token)?> FindUserWithValidTokenAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Token))
        {
            return null;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not { IsActive: true })
        {
            return null;
        }

        var valid = await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token);
        return valid ? (user, token) : null;
    }

    public sealed class InputModel
    {
        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage("Enter a new password.")
                .MaximumLength(FieldLengths.Password).WithMessage($"A password has at most {FieldLengths.Password} characters.");
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage("The two passwords are not the same.")
                .When(i => i.NewPassword.Length > 0);
        }
    }
}
