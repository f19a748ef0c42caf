using System.Text;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Mail;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>
/// Asks for a password-reset link. The answer is the same whether or not the address has an account, so the
/// page cannot be used to find out who has one; only an active account gets the mail.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, MailQueue mail, PortalDbContext db) : PageModel
{
    private static readonly InputValidator Validator = new();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

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
        if (user is { IsActive: true, Email: { } email })
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = mail.Link($"/account/reset-password?email={Uri.EscapeDataString(email)}&token={token}");
            mail.Enqueue(email, "Reset your CyberNormPortal password", $"""
                Hello {user.DisplayName},

                Someone, probably you, asked to reset the password of your CyberNormPortal account.
                To choose a new password, open this link within 2 hours (it works once):

                {link}

                If you did not ask for this, ignore this message: your password stays as it is.
                """);
            await db.SaveChangesAsync();
        }

        // The same answer either way (post, redirect, get: a reload does not send another mail).
        return RedirectToPage("/Account/ForgotPassword", new { sent = true });
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() =>
            RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your e-mail address.")
                .MaximumLength(FieldLengths.Email).WithMessage($"An e-mail address has at most {FieldLengths.Email} characters.")
                .EmailAddress().WithMessage("Enter an e-mail address like name@example.org.");
    }
}
