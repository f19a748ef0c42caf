using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Hosting;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Account;

/// <summary>
/// The page an invitation link opens: the invited person chooses a name and password, and the account is made
/// with the invitation's role and State (or group). The link works once, also when two submissions race.
/// </summary>
[AllowAnonymous]
public sealed class AcceptInvitationModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit, PortalDbContext db, TimeProvider clock) : PageModel
{
    public const string AccountExistsMessage =
        "An account with this e-mail address already exists. Sign in with it, or use \"Forgotten your password?\" on the sign-in page.";

    private static readonly InputValidator Validator = new();

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Invitation = await FindUsableAsync(db.Invitations.AsNoTracking(), cancellationToken);
        if (Invitation is null)
        {
            return Unusable();
        }

        Input.DisplayName = Invitation.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Invitation = await FindUsableAsync(db.Invitations.AsNoTracking(), cancellationToken);
        if (Invitation is null)
        {
            return Unusable();
        }

        if (!await Validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Invitation.Email) is not null)
        {
            ModelState.AddModelError(string.Empty, AccountExistsMessage);
            return Page();
        }

        // One transaction, retried as a whole on a transient failure. After a commit whose outcome is unknown, the
        // account is looked for by the security stamp this attempt gave it, so the invited person is signed in
        // rather than shown a used link.
        var tokenHash = Invitation.TokenHash;
        PortalUser? user = null;
        var accepted = await db.InRetriedTransactionAsync(
            async ct =>
            {
                user = null;
                // Lock the invitation's row: a second submission of the same link waits here, then finds it accepted.
                var locked = await db.Invitations
                    .FromSql($"""SELECT * FROM "Invitations" WHERE "TokenHash" = {tokenHash} FOR UPDATE""")
                    .ToListAsync(ct);
                if (locked is not [var invitation] || !invitation.IsUsable(clock.GetUtcNow()))
                {
                    return (Invitation?)null;
                }

                var now = clock.GetUtcNow();
                user = new PortalUser
                {
                    UserName = invitation.Email,
                    Email = invitation.Email,
                    EmailConfirmed = true,
                    IsActive = true,
                    DisplayName = Input.DisplayName.Trim(),
                    StateIso3 = invitation.StateIso3,
                    GroupId = invitation.GroupId,
                    CreatedAt = now,
                };
                invitation.Accept(now);
                // Creating the user saves the tracked invitation with it: accepted and created in one save.
                var created = await users.CreateAsync(user, Input.NewPassword);
                if (!created.Succeeded)
                {
                    if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                    {
                        ModelState.AddModelError(string.Empty, AccountExistsMessage);
                    }

                    PasswordErrors.AddTo(ModelState, created.Errors.Where(e =>
                        e.Code is not (nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))));
                    user = null;
                    return invitation;
                }

                var roleAdded = await users.AddToRoleAsync(user, invitation.Role);
                if (!roleAdded.Succeeded)
                {
                    throw new InvalidOperationException($"Invitation {invitation.Id}: role {invitation.Role} could not be given: "
                        + string.Join(" ", roleAdded.Errors.Select(e => e.Description)));
                }

                audit.AddFor(user, user.Email, AuditActions.InvitationAccepted, $"user:{user.Email}", $"Invitation {invitation.Id} as {invitation.Role}");
                await db.SaveChangesAsync(ct);
                return invitation;
            },
            ct => user is null
                ? Task.FromResult(false)
                : db.Users.AsNoTracking().AnyAsync(u => u.Id == user.Id && u.SecurityStamp == user.SecurityStamp, ct),
            cancellationToken);
        if (accepted is null)
        {
            return Unusable();
        }

        if (user is null)
        {
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return PortalRoles.NeedsTwoFactor(accepted.Role)
            ? Redirect($"{IdentityHostingExtensions.TwoFactorSetupPath}?required=true")
            : Redirect("/");
    }

    private async Task<Invitation?> FindUsableAsync(IQueryable<Invitation> invitations, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token) || Token.Length > 200)
        {
            return null;
        }

        var hash = Identity.Invitation.Hash(Token.Trim());
        var invitation = await invitations.Where(i => i.TokenHash == hash).FirstOrDefaultAsync(cancellationToken);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow()) ? invitation : null;
    }

    /// <summary>Unknown, used, revoked or expired: one plain page, and 410 so nothing caches it as a form.</summary>
    private PageResult Unusable()
    {
        Invitation = null;
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = "";

        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(i => i.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the name other people should see.")
                .MaximumLength(200).WithMessage("A name has at most 200 characters.");
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage("Choose a password.")
                .MaximumLength(200).WithMessage("A password has at most 200 characters.");
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage("The two passwords are not the same.")
                .When(i => i.NewPassword.Length > 0);
        }
    }
}
