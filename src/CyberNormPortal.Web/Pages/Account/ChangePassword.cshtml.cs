using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>A signed-in user changes their password; the current one proves it is them at the keyboard.</summary>
public sealed class ChangePasswordModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit, PortalDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string WrongCurrentPasswordMessage = "That is not your current password.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

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

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError("Input.CurrentPassword", localizer[WrongCurrentPasswordMessage]);
            }

            PasswordErrors.AddTo(ModelState, result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)));
            return Page();
        }

        // The change gave the account a new security stamp: re-issue this session's cookie, other sessions end.
        await signIn.RefreshSignInAsync(user);
        audit.Add(AuditActions.PasswordChanged, AuditSubjects.User(user.Email));
        await db.SaveChangesAsync();
        TempData.SetNotice(localizer["Your password has been changed."]);
        return RedirectToPage("/Account/Index");
    }

    public sealed class InputModel
    {
        public string CurrentPassword { get; set; } = "";

        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer)
        {
            RuleFor(i => i.CurrentPassword).NotEmpty().WithMessage(localizer, ValidationMessages.CurrentPasswordRequired);
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage(localizer, ValidationMessages.NewPasswordRequired)
                .MaximumLength(FieldLengths.Password).WithMessage(localizer, ValidationMessages.PasswordTooLong, FieldLengths.Password);
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage(localizer, ValidationMessages.PasswordsDiffer)
                .When(i => i.NewPassword.Length > 0);
        }
    }
}
