using System.Security.Claims;
using System.Text;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Accounts;

/// <summary>A new invitation as an administrator asks for it, with the language its mail is written in (a portal culture's tag).</summary>
public sealed record InvitationRequest(string Email, string DisplayName, string Role, RoleBinding Binding, string Language = PortalCultures.DefaultName);

/// <summary>
/// Changes accounts: invitations (sent, revoked, accepted), the first administrator, roles and their binding, and
/// (de)activation. Like <c>EntryService</c> for entries it holds the rules, and saves each change in one transaction
/// under the retrying execution strategy with its audit record and its notifications, checking after a commit whose
/// outcome is unknown whether it went in. Every change of roles or activity renews the security stamp, which ends the
/// account's open sessions. Pages bind, validate, call one method and show its <see cref="AccountResult"/>.
/// </summary>
public sealed class AccountService(
    PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit,
    Notifications notifications, StateNames stateNames, TimeProvider clock)
{
    /// <summary>The name the audit log gives the command line, which has no signed-in user.</summary>
    public const string CommandLineActor = "create-admin command";

    /// <summary>The pending invitation a link's token opens, or null (unknown, used, revoked or expired).</summary>
    public async Task<Invitation?> FindUsableInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }

        var hash = Invitation.Hash(token.Trim());
        var invitation = await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash).FirstOrDefaultAsync(cancellationToken);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow()) ? invitation : null;
    }

    /// <summary>Invites an address for a role (and its binding), mails the link and audits it; refused when the address has an account or a pending invitation.</summary>
    public async Task<InvitationResult> InviteAsync(InvitationRequest request, ClaimsPrincipal inviter, CancellationToken cancellationToken)
    {
        if (await RefusalForNewAddressAsync(request.Email, cancellationToken) is { } refusal)
        {
            return new InvitationResult.Refused(refusal);
        }

        var invitedBy = await users.GetUserAsync(inviter);
        var language = PortalCultures.OrDefault(request.Language);
        var boundTo = request.Binding.StateIso3 is { } iso3
            ? stateNames.Of(iso3, language, await db.States.Where(s => s.Iso3 == iso3).Select(s => s.Name).SingleAsync(cancellationToken))
            : request.Binding.GroupId is { } groupId
            ? await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync(cancellationToken)
            : request.Binding.OrganisationId is { } organisationId
            ? await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken)
            : null;
        return await CreateInvitationAsync(
            () =>
            {
                var invitation = new Invitation(
                    request.Email, request.Role, request.Binding.StateIso3, request.DisplayName, invitedBy?.Id, clock.GetUtcNow(), out var token, request.Binding.GroupId,
                    request.Binding.OrganisationId);
                return (invitation, token);
            },
            async (invitation, token, ct) =>
            {
                await notifications.RaiseAsync(new InvitationCreated(invitation, token, invitedBy?.DisplayName, boundTo, language.Name), ct);
                audit.Add(
                    AuditActions.Invited,
                    AuditSubjects.User(invitation.Email),
                    $"Role: {invitation.Role}; State: {request.Binding.StateIso3 ?? "none"}"
                    + (request.Binding.GroupId is null ? "" : $"; Group: {boundTo}")
                    + (request.Binding.OrganisationId is null ? "" : $"; Organisation: {boundTo}"));
            },
            cancellationToken);
    }

    /// <summary>
    /// How production gets its first administrator: an administrator invitation whose link the command prints (no mail,
    /// no password in a shell history), audited as the command line's act.
    /// </summary>
    public async Task<InvitationResult> CreateFirstAdministratorAsync(string email, string displayName, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            return new InvitationResult.Refused(AccountMessages.EmailHasAccount);
        }

        return await CreateInvitationAsync(
            () =>
            {
                var invitation = new Invitation(email, PortalRoles.Administrator, null, displayName, invitedByUserId: null, clock.GetUtcNow(), out var token);
                return (invitation, token);
            },
            (invitation, _, _) =>
            {
                audit.AddFor(null, CommandLineActor, AuditActions.AdministratorCreated, AuditSubjects.User(invitation.Email), "Invitation created from the command line");
                return Task.CompletedTask;
            },
            cancellationToken);
    }

    /// <summary>Revokes a pending invitation: its link stops working.</summary>
    public async Task<InvitationResult> RevokeInvitationAsync(int id, CancellationToken cancellationToken)
    {
        InvitationResult result = new InvitationResult.NotFound();
        return await db.InRetriedTransactionAsync<InvitationResult>(
            async ct =>
            {
                var invitation = await LockInvitationAsync(
                    db.Invitations.FromSql($"""SELECT * FROM "Invitations" WHERE "Id" = {id} FOR UPDATE"""), ct);
                if (invitation is null)
                {
                    return result = new InvitationResult.NotFound();
                }

                if (!invitation.IsUsable(clock.GetUtcNow()))
                {
                    return result = new InvitationResult.NotPending();
                }

                invitation.Revoke(clock.GetUtcNow());
                audit.Add(AuditActions.InvitationRevoked, AuditSubjects.User(invitation.Email), $"Invitation {invitation.Id}");
                await db.SaveChangesAsync(ct);
                return result = new InvitationResult.Revoked(invitation);
            },
            ct => result is InvitationResult.Revoked
                ? db.Invitations.AsNoTracking().AnyAsync(i => i.Id == id && i.RevokedAt != null, ct)
                : Task.FromResult(false),
            cancellationToken);
    }

    /// <summary>
    /// Makes the account an invitation asks for, with its role and binding and, as its preferred language, the one the
    /// invitation page was read in (<c>preferredLanguage</c>), and signs it in. The link works once, also
    /// when two submissions race: the invitation's row is locked, so the second finds it accepted.
    /// </summary>
    public async Task<AcceptResult> AcceptInvitationAsync(
        string? token, string displayName, string password, string preferredLanguage, CancellationToken cancellationToken)
    {
        var usable = await FindUsableInvitationAsync(token, cancellationToken);
        if (usable is null)
        {
            return new AcceptResult.Unusable();
        }

        if (await users.FindByEmailAsync(usable.Email) is not null)
        {
            return new AcceptResult.Refused(AccountMessages.AccountExists, []);
        }

        // After a commit whose outcome is unknown, the account is looked for by the security stamp this attempt gave
        // it, so the invited person is signed in rather than shown a used link.
        PortalUser? user = null;
        var result = await db.InRetriedTransactionAsync<AcceptResult>(
            async ct =>
            {
                user = null;
                var tokenHash = usable.TokenHash;
                var invitation = await LockInvitationAsync(
                    db.Invitations.FromSql($"""SELECT * FROM "Invitations" WHERE "TokenHash" = {tokenHash} FOR UPDATE"""), ct);
                var now = clock.GetUtcNow();
                if (invitation is null || !invitation.IsUsable(now))
                {
                    return new AcceptResult.Unusable();
                }

                var account = new PortalUser
                {
                    UserName = invitation.Email,
                    Email = invitation.Email,
                    EmailConfirmed = true,
                    IsActive = true,
                    DisplayName = displayName.Trim(),
                    PreferredLanguage = PortalCultures.OrDefault(preferredLanguage).Name,
                    CreatedAt = now,
                };
                RoleBinding.Of(invitation).ApplyTo(account);
                invitation.Accept(now);
                // Creating the user saves the tracked invitation with it: accepted and created in one save.
                var created = await users.CreateAsync(account, password);
                if (!created.Succeeded)
                {
                    var duplicate = created.Errors.Any(IsDuplicate);
                    return new AcceptResult.Refused(duplicate ? AccountMessages.AccountExists : null, [.. created.Errors.Where(e => !IsDuplicate(e))]);
                }

                Check(await users.AddToRoleAsync(account, invitation.Role), $"Invitation {invitation.Id}: role {invitation.Role} could not be given");
                audit.AddFor(account, account.Email, AuditActions.InvitationAccepted, AuditSubjects.User(account.Email), $"Invitation {invitation.Id} as {invitation.Role}");
                await db.SaveChangesAsync(ct);
                user = account;
                return new AcceptResult.Accepted(account, PortalRoles.NeedsTwoFactor(invitation.Role));
            },
            ct => user is null
                ? Task.FromResult(false)
                : db.Users.AsNoTracking().AnyAsync(u => u.Id == user.Id && u.SecurityStamp == user.SecurityStamp, ct),
            cancellationToken);

        if (result is AcceptResult.Accepted accepted)
        {
            await signIn.SignInAsync(accepted.Account, isPersistent: false);
        }
        else
        {
            // A refused attempt leaves nothing half-made in the tracker (the invitation marked accepted, a user added).
            db.ChangeTracker.Clear();
        }

        return result;
    }

    /// <summary>
    /// Gives the account exactly <paramref name="roles"/> and the binding they need, audits it and ends the account's
    /// sessions. Nobody removes their own Administrator role (another administrator must), so there is always one.
    /// </summary>
    public async Task<AccountResult> ChangeRolesAsync(
        ClaimsPrincipal actor, string userId, IReadOnlyCollection<string> roles, RoleBinding binding, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(userId);
        if (account is null)
        {
            return new AccountResult.NotFound();
        }

        var oldRoles = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList();
        var newRoles = PortalRoles.All.Where(roles.Contains).ToList();
        var newBinding = RoleBinding.For(newRoles, binding.StateIso3, binding.GroupId, binding.OrganisationId);
        if (IsSelf(actor, account) && oldRoles.Contains(PortalRoles.Administrator) && !newRoles.Contains(PortalRoles.Administrator))
        {
            return new AccountResult.Refused(AccountMessages.OwnAdministratorRole);
        }

        var oldBinding = RoleBinding.Of(account);
        if (newRoles.Order(StringComparer.Ordinal).SequenceEqual(oldRoles) && newBinding == oldBinding)
        {
            return new AccountResult.Unchanged();
        }

        var changed = await ChangeAsync(userId, async user =>
        {
            Check(await users.RemoveFromRolesAsync(user, oldRoles.Except(newRoles)));
            Check(await users.AddToRolesAsync(user, newRoles.Except(oldRoles)));
            newBinding.ApplyTo(user);
            audit.Add(
                AuditActions.RolesChanged,
                AuditSubjects.User(user.Email),
                $"Roles: {Describe(oldRoles)} → {Describe(newRoles)}; {RoleBinding.DescribeChange(oldBinding, newBinding)}");
        }, cancellationToken);
        await RefreshOwnSessionAsync(actor, changed);
        return new AccountResult.Done(changed);
    }

    /// <summary>Deactivates (ending every session, refusing sign-in) or reactivates an account; nobody deactivates themselves.</summary>
    public async Task<AccountResult> SetActiveAsync(ClaimsPrincipal actor, string userId, bool active, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(userId);
        if (account is null)
        {
            return new AccountResult.NotFound();
        }

        if (!active && IsSelf(actor, account))
        {
            return new AccountResult.Refused(AccountMessages.OwnDeactivation);
        }

        if (account.IsActive == active)
        {
            return new AccountResult.Unchanged();
        }

        var changed = await ChangeAsync(userId, user =>
        {
            user.IsActive = active;
            audit.Add(active ? AuditActions.Reactivated : AuditActions.Deactivated, AuditSubjects.User(user.Email));
            return Task.CompletedTask;
        }, cancellationToken);
        return new AccountResult.Done(changed);
    }

    /// <summary>Mails a password-reset link to the address's account when it is active; nothing otherwise, and the caller cannot tell.</summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { IsActive: true, Email: not null })
        {
            return;
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        await notifications.RaiseAsync(new PasswordResetRequested(user, token), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether a reset link (its address and token as the mail gave them) still works for an active account.</summary>
    public async Task<bool> ResetLinkWorksAsync(string? email, string? token) => await FindResetAsync(email, token) is not null;

    /// <summary>
    /// Sets a new password from a reset link, lifts a lock-out from wrong guesses (the user may sign in at once) and
    /// audits it, in one transaction. The reset renews the security stamp, so the link works once and every other
    /// session ends; after a commit whose outcome is unknown, the stamp tells whether it went in.
    /// </summary>
    public async Task<PasswordResetResult> ResetPasswordAsync(string? email, string? token, string newPassword, CancellationToken cancellationToken)
    {
        if (await FindResetAsync(email, token) is not { } valid)
        {
            return new PasswordResetResult.LinkDoesNotWork();
        }

        var (found, decoded) = valid;
        PortalUser? reset = null;
        return await db.InRetriedTransactionAsync<PasswordResetResult>(
            async ct =>
            {
                reset = null;
                var user = await users.FindByIdAsync(found.Id) ?? throw new InvalidOperationException($"User {found.Id} is gone.");
                var result = await users.ResetPasswordAsync(user, decoded, newPassword);
                if (!result.Succeeded)
                {
                    return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                        ? new PasswordResetResult.LinkDoesNotWork()
                        : new PasswordResetResult.Refused([.. result.Errors]);
                }

                Check(await users.SetLockoutEndDateAsync(user, null));
                Check(await users.ResetAccessFailedCountAsync(user));
                audit.AddFor(user, user.Email!, AuditActions.PasswordReset, AuditSubjects.User(user.Email));
                await db.SaveChangesAsync(ct);
                reset = user;
                return new PasswordResetResult.Done();
            },
            ct => reset is null
                ? Task.FromResult(false)
                : db.Users.AsNoTracking().AnyAsync(u => u.Id == reset.Id && u.SecurityStamp == reset.SecurityStamp, ct),
            cancellationToken);
    }

    /// <summary>The active account and decoded token of a reset link that still works, or null.</summary>
    private async Task<(PortalUser User, string Token)?> FindResetAsync(string? email, string? token)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { IsActive: true })
        {
            return null;
        }

        var valid = await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, decoded);
        return valid ? (user, decoded) : null;
    }

    /// <summary>Why a new invitation for <paramref name="email"/> is refused, or null.</summary>
    private async Task<string?> RefusalForNewAddressAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            return AccountMessages.EmailHasAccount;
        }

        var lower = email.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        return await db.Invitations.AnyAsync(
                i => i.Email.ToLower() == lower && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken)
            ? AccountMessages.InvitationPending
            : null;
    }

    /// <summary>A new invitation, saved with what <paramref name="record"/> adds (audit, mail); a retry makes a new one, found again by its token's hash.</summary>
    private async Task<InvitationResult> CreateInvitationAsync(
        Func<(Invitation Invitation, string Token)> create,
        Func<Invitation, string, CancellationToken, Task> record,
        CancellationToken cancellationToken)
    {
        var hash = "";
        return await db.InRetriedTransactionAsync<InvitationResult>(
            async ct =>
            {
                var (invitation, token) = create();
                hash = invitation.TokenHash;
                db.Invitations.Add(invitation);
                await record(invitation, token, ct);
                await db.SaveChangesAsync(ct);
                return new InvitationResult.Sent(invitation, token);
            },
            ct => db.Invitations.AsNoTracking().AnyAsync(i => i.TokenHash == hash, ct),
            cancellationToken);
    }

    /// <summary>
    /// The invitation read with <c>FOR UPDATE</c>: its row stays locked until the transaction ends, so a second request
    /// for it waits, then sees the first one's change.
    /// </summary>
    private static async Task<Invitation?> LockInvitationAsync(IQueryable<Invitation> locking, CancellationToken cancellationToken) =>
        (await locking.ToListAsync(cancellationToken)) is [var one] ? one : null;

    /// <summary>
    /// Runs <paramref name="change"/> on the account and saves it with a new security stamp (which ends its sessions) in
    /// one transaction, retried as a whole on a transient failure (a retry reloads the account, since the failed
    /// attempt's changes were rolled back). After a commit whose outcome is unknown, the stamp tells whether it went in.
    /// </summary>
    private async Task<PortalUser> ChangeAsync(string userId, Func<PortalUser, Task> change, CancellationToken cancellationToken)
    {
        PortalUser account = null!;
        await db.InRetriedTransactionAsync(
            async ct =>
            {
                account = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"User {userId} is gone.");
                await change(account);
                Check(await users.UpdateAsync(account));
                // Every session of the account ends, so no cookie keeps a role or an activity it no longer has.
                Check(await users.UpdateSecurityStampAsync(account));
                await db.SaveChangesAsync(ct);
                return true;
            },
            ct => db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.SecurityStamp == account.SecurityStamp, ct),
            cancellationToken);
        return account;
    }

    /// <summary>An administrator who changed their own roles keeps their session, re-issued with the new ones.</summary>
    private async Task RefreshOwnSessionAsync(ClaimsPrincipal actor, PortalUser account)
    {
        if (IsSelf(actor, account))
        {
            await signIn.RefreshSignInAsync(account);
        }
    }

    private bool IsSelf(ClaimsPrincipal actor, PortalUser account) => users.GetUserId(actor) == account.Id;

    private static bool IsDuplicate(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);

    private static string Describe(IEnumerable<string> roles) => roles.Any() ? string.Join(", ", roles) : "none";

    private static void Check(IdentityResult result, string? context = null)
    {
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException(context is null ? errors : $"{context}: {errors}");
        }
    }
}
