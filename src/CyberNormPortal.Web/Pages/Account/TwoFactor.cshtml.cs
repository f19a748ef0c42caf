using System.Text;
using System.Text.Encodings.Web;
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
using QRCoder;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app: set it up (key as text and QR code, confirmed by a code),
/// renew the recovery codes, or turn it off — which moderators and administrators may not.
/// Every handler needs the password proven in the last five minutes (<see cref="RequiresRecentSignInAttribute"/>).
/// </summary>
[RequiresRecentSignIn]
public sealed class TwoFactorModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit, PortalDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Issuer = "CyberNormPortal";
    public const int RecoveryCodeCount = 10;
    public const string WrongCodeMessage = "That code is not right. Enter the 6-digit code your app shows now for CyberNormPortal.";
    public const string MustKeepMessage = "Your role requires two-factor sign-in, so it cannot be turned off.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set by the redirect that sends moderators and administrators here before their pages.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Enabled { get; private set; }

    public bool MustKeep { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The shared key in groups of four, as the user types it into an app.</summary>
    public string? SharedKey { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    /// <summary>Shown once, right after they are made; never stored in readable form.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public bool JustEnabled { get; private set; }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Content("~/account");

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (!await new InputValidator(localizer).ValidateIntoAsync(Input, ModelState))
        {
            await LoadAsync(user);
            return Page();
        }

        var code = new string(Input.Code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            ModelState.AddModelError("Input.Code", localizer[WrongCodeMessage]);
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        // The cookie carries the two-factor claim the moderator and administrator pages require.
        await signIn.RefreshSignInAsync(user);
        audit.Add(AuditActions.TwoFactorEnabled, AuditSubjects.User(user.Email));
        await db.SaveChangesAsync();
        JustEnabled = true;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        audit.Add(AuditActions.RecoveryCodesRenewed, AuditSubjects.User(user.Email));
        await db.SaveChangesAsync();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        if (MustKeep)
        {
            ModelState.AddModelError(string.Empty, localizer[MustKeepMessage]);
            return Page();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so turning it on again means scanning a new code (and getting new recovery codes).
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        audit.Add(AuditActions.TwoFactorDisabled, AuditSubjects.User(user.Email));
        await db.SaveChangesAsync();
        TempData.SetNotice(localizer["Two-factor sign-in is turned off."]);
        return RedirectToPage("/Account/Index");
    }

    private async Task LoadAsync(PortalUser user)
    {
        Enabled = user.TwoFactorEnabled;
        MustKeep = (await users.GetRolesAsync(user)).Any(PortalRoles.NeedsTwoFactor);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was made.");
            // Making the key changed the security stamp; keep this session valid.
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = Group(key);
        QrCodeDataUri = QrCode(AuthenticatorUri(user.Email!, key));
    }

    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Issuer}:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer={Issuer}&digits=6";

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                grouped.Append(' ');
            }

            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString();
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer localizer) =>
            RuleFor(i => i.Code).NotEmpty().WithMessage(localizer, ValidationMessages.SetupCodeRequired)
                .MaximumLength(12).WithMessage(localizer, ValidationMessages.SetupCodeTooLong);
    }
}
