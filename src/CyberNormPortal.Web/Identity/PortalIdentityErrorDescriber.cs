using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Identity;

/// <summary>
/// Identity's error messages (password rules above all, which the password forms show next to the field) in the
/// reader's language: each is a key of Resources/SharedResource.resx, in English the text Identity itself writes.
/// </summary>
public sealed class PortalIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public const string DefaultErrorMessage = "An unknown failure has occurred.";
    public const string ConcurrencyFailureMessage = "Optimistic concurrency failure, object has been modified.";
    public const string PasswordMismatchMessage = "Incorrect password.";
    public const string InvalidTokenMessage = "Invalid token.";
    public const string RecoveryCodeRedemptionFailedMessage = "Recovery code redemption failed.";
    public const string InvalidUserNameMessage = "Username '{0}' is invalid, can only contain letters or digits.";
    public const string InvalidEmailMessage = "Email '{0}' is invalid.";
    public const string DuplicateUserNameMessage = "Username '{0}' is already taken.";
    public const string DuplicateEmailMessage = "Email '{0}' is already taken.";
    public const string UserAlreadyHasPasswordMessage = "User already has a password set.";
    public const string UserLockoutNotEnabledMessage = "Lockout is not enabled for this user.";
    public const string PasswordTooShortMessage = "Passwords must be at least {0} characters.";
    public const string PasswordRequiresUniqueCharsMessage = "Passwords must use at least {0} different characters.";
    public const string PasswordRequiresNonAlphanumericMessage = "Passwords must have at least one non alphanumeric character.";
    public const string PasswordRequiresDigitMessage = "Passwords must have at least one digit ('0'-'9').";
    public const string PasswordRequiresLowerMessage = "Passwords must have at least one lowercase ('a'-'z').";
    public const string PasswordRequiresUpperMessage = "Passwords must have at least one uppercase ('A'-'Z').";
    public const string CommonPasswordMessage =
        "This password is among the most common ones, or is built from one. Choose another: a few unrelated words work well.";

    /// <summary>The code of <see cref="CommonPassword"/>, which the password forms put next to the new password.</summary>
    public const string CommonPasswordCode = "CommonPassword";

    public override IdentityError DefaultError() => Error(base.DefaultError(), DefaultErrorMessage);

    public override IdentityError ConcurrencyFailure() => Error(base.ConcurrencyFailure(), ConcurrencyFailureMessage);

    public override IdentityError PasswordMismatch() => Error(base.PasswordMismatch(), PasswordMismatchMessage);

    public override IdentityError InvalidToken() => Error(base.InvalidToken(), InvalidTokenMessage);

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(base.RecoveryCodeRedemptionFailed(), RecoveryCodeRedemptionFailedMessage);

    public override IdentityError InvalidUserName(string? userName) => Error(base.InvalidUserName(userName), InvalidUserNameMessage, userName);

    public override IdentityError InvalidEmail(string? email) => Error(base.InvalidEmail(email), InvalidEmailMessage, email);

    public override IdentityError DuplicateUserName(string userName) => Error(base.DuplicateUserName(userName), DuplicateUserNameMessage, userName);

    public override IdentityError DuplicateEmail(string email) => Error(base.DuplicateEmail(email), DuplicateEmailMessage, email);

    public override IdentityError UserAlreadyHasPassword() => Error(base.UserAlreadyHasPassword(), UserAlreadyHasPasswordMessage);

    public override IdentityError UserLockoutNotEnabled() => Error(base.UserLockoutNotEnabled(), UserLockoutNotEnabledMessage);

    public override IdentityError PasswordTooShort(int length) => Error(base.PasswordTooShort(length), PasswordTooShortMessage, length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(base.PasswordRequiresUniqueChars(uniqueChars), PasswordRequiresUniqueCharsMessage, uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(base.PasswordRequiresNonAlphanumeric(), PasswordRequiresNonAlphanumericMessage);

    public override IdentityError PasswordRequiresDigit() => Error(base.PasswordRequiresDigit(), PasswordRequiresDigitMessage);

    public override IdentityError PasswordRequiresLower() => Error(base.PasswordRequiresLower(), PasswordRequiresLowerMessage);

    public override IdentityError PasswordRequiresUpper() => Error(base.PasswordRequiresUpper(), PasswordRequiresUpperMessage);

    /// <summary>The portal's own password rule (<see cref="CommonPasswordValidator"/>).</summary>
    public IdentityError CommonPassword() => new() { Code = CommonPasswordCode, Description = localizer[CommonPasswordMessage] };

    /// <summary>Identity's error with its code, described by <paramref name="key"/> in the current culture.</summary>
    private IdentityError Error(IdentityError identity, string key, params object?[] arguments) =>
        new() { Code = identity.Code, Description = localizer[key, arguments!] };
}
