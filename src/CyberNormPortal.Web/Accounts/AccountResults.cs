using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CyberNormPortal.Web.Accounts;

/// <summary>
/// What a change to an account came to. Expected refusals are results, not exceptions; their
/// <see cref="Refused.MessageKey"/> is a key of Resources/SharedResource.resx (one of <see cref="AccountMessages"/>).
/// </summary>
public abstract record AccountResult
{
    private AccountResult()
    {
    }

    public sealed record Done(PortalUser Account) : AccountResult;

    /// <summary>The account already was as asked: nothing written.</summary>
    public sealed record Unchanged : AccountResult;

    public sealed record NotFound : AccountResult;

    public sealed record Refused(string MessageKey) : AccountResult;
}

/// <summary>What inviting, revoking or creating the first administrator came to.</summary>
public abstract record InvitationResult
{
    private InvitationResult()
    {
    }

    /// <summary>Created (and, for an administrator's invitation, mailed); <paramref name="Token"/> is the link's secret.</summary>
    public sealed record Sent(Invitation Invitation, string Token) : InvitationResult;

    public sealed record Revoked(Invitation Invitation) : InvitationResult;

    /// <summary>Accepted, revoked or expired already: nothing written.</summary>
    public sealed record NotPending : InvitationResult;

    public sealed record NotFound : InvitationResult;

    /// <summary>Refused; the message belongs next to the e-mail address.</summary>
    public sealed record Refused(string MessageKey) : InvitationResult;
}

/// <summary>What accepting an invitation came to.</summary>
public abstract record AcceptResult
{
    private AcceptResult()
    {
    }

    /// <summary>The account exists and is signed in; <paramref name="NeedsTwoFactor"/>: its role must set up two-factor sign-in first.</summary>
    public sealed record Accepted(PortalUser Account, bool NeedsTwoFactor) : AcceptResult;

    /// <summary>Unknown, used, revoked or expired.</summary>
    public sealed record Unusable : AcceptResult;

    /// <summary>Nothing written: the address has an account (<paramref name="MessageKey"/>) and/or the password breaks a rule.</summary>
    public sealed record Refused(string? MessageKey, IReadOnlyList<IdentityError> PasswordErrors) : AcceptResult;
}

/// <summary>What setting a new password from a reset link came to.</summary>
public abstract record PasswordResetResult
{
    private PasswordResetResult()
    {
    }

    /// <summary>The new password is set; a lock-out from wrong guesses is lifted.</summary>
    public sealed record Done : PasswordResetResult;

    /// <summary>Expired, used, for an inactive account, or copied incompletely.</summary>
    public sealed record LinkDoesNotWork : PasswordResetResult;

    /// <summary>Nothing written: the password breaks a rule.</summary>
    public sealed record Refused(IReadOnlyList<IdentityError> PasswordErrors) : PasswordResetResult;
}

/// <summary>The refusals of <see cref="AccountService"/>, as keys of Resources/SharedResource.resx.</summary>
public static class AccountMessages
{
    public const string AccountExists =
        "An account with this e-mail address already exists. Sign in with it, or use \"Forgotten your password?\" on the sign-in page.";

    public const string OwnAdministratorRole = "You cannot remove your own Administrator role: ask another administrator to do it.";

    public const string OwnDeactivation = "You cannot deactivate your own account: ask another administrator to do it.";

    public const string EmailHasAccount = "This e-mail address already has an account.";

    public const string InvitationPending = "This e-mail address already has a pending invitation: revoke it first to send a new one.";

    public static readonly IReadOnlyList<string> All = [AccountExists, OwnAdministratorRole, OwnDeactivation, EmailHasAccount, InvitationPending];
}
