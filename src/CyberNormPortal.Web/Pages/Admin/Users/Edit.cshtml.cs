using System.Globalization;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.Users;

public sealed class EditModel(
    PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string OwnAdministratorRoleMessage =
        "You cannot remove your own Administrator role: ask another administrator to do it.";

    public const string OwnDeactivationMessage = "You cannot deactivate your own account: ask another administrator to do it.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PortalUser Account { get; private set; } = null!;

    public bool IsSelf { get; private set; }

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await FillInputAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var oldRoles = (await users.GetRolesAsync(Account)).Order(StringComparer.Ordinal).ToList();
        var valid = await new InputValidator(db).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken);
        if (IsSelf && oldRoles.Contains(PortalRoles.Administrator) && !Input.Roles.Contains(PortalRoles.Administrator))
        {
            ModelState.AddModelError("Input.Roles", OwnAdministratorRoleMessage);
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        var newRoles = PortalRoles.All.Where(Input.Roles.Contains).ToList();
        var newState = newRoles.Any(PortalRoles.NeedsState) ? Input.StateIso3 : null;
        var newGroup = newRoles.Any(PortalRoles.NeedsGroup) ? Input.GroupId : null;
        if (newRoles.Order(StringComparer.Ordinal).SequenceEqual(oldRoles) && newState == Account.StateIso3 && newGroup == Account.GroupId)
        {
            TempData.SetNotice(localizer["Nothing changed."]);
            return RedirectToPage(new { id });
        }

        var oldState = Account.StateIso3;
        var oldGroup = Account.GroupId;
        await InRetriedTransactionAsync(async () =>
        {
            Check(await users.RemoveFromRolesAsync(Account, oldRoles.Except(newRoles)));
            Check(await users.AddToRolesAsync(Account, newRoles.Except(oldRoles)));
            Account.StateIso3 = newState;
            Account.GroupId = newGroup;
            Check(await users.UpdateAsync(Account));
            // Every session of the account ends, so no cookie keeps a role it no longer has.
            Check(await users.UpdateSecurityStampAsync(Account));
            audit.Add(
                AuditActions.RolesChanged,
                $"user:{Account.Email}",
                $"Roles: {Describe(oldRoles)} → {Describe(newRoles)}; State: {oldState ?? "none"} → {newState ?? "none"}"
                + (oldGroup == newGroup ? "" : $"; Group: {oldGroup?.ToString(CultureInfo.InvariantCulture) ?? "none"} → {newGroup?.ToString(CultureInfo.InvariantCulture) ?? "none"}"));
        }, cancellationToken);

        if (IsSelf)
        {
            await signIn.RefreshSignInAsync(Account);
        }

        TempData.SetNotice(localizer["Roles and State saved. The user's open sessions have ended."]);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (IsSelf)
        {
            await FillInputAsync();
            ModelState.AddModelError(string.Empty, OwnDeactivationMessage);
            return Page();
        }

        if (Account.IsActive)
        {
            await SetActiveAsync(false, AuditActions.Deactivated, cancellationToken);
        }

        TempData.SetNotice(localizer["Account deactivated: the user was signed out everywhere and cannot sign in."]);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Account.IsActive)
        {
            await SetActiveAsync(true, AuditActions.Reactivated, cancellationToken);
        }

        TempData.SetNotice(localizer["Account reactivated: the user can sign in again."]);
        return RedirectToPage(new { id });
    }

    private Task SetActiveAsync(bool active, string action, CancellationToken cancellationToken) =>
        InRetriedTransactionAsync(async () =>
        {
            Account.IsActive = active;
            Check(await users.UpdateAsync(Account));
            Check(await users.UpdateSecurityStampAsync(Account));
            audit.Add(action, $"user:{Account.Email}");
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="change"/> on the account and saves it in one transaction, retried as a whole on a transient
    /// failure (a retry reloads the account, since the failed attempt's changes were rolled back). Every change renews
    /// the security stamp, so after a commit whose outcome is unknown the stamp tells whether it went in.
    /// </summary>
    private async Task InRetriedTransactionAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        var id = Account.Id;
        await db.InRetriedTransactionAsync(
            async ct =>
            {
                Account = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"User {id} is gone.");
                await change();
                await db.SaveChangesAsync(ct);
                return true;
            },
            ct => db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.SecurityStamp == Account.SecurityStamp, ct),
            cancellationToken);
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        IsSelf = users.GetUserId(User) == account.Id;
        States = await db.StateOptionsAsync(cancellationToken);
        Groups = await db.GroupOptionsAsync(cancellationToken);
        return true;
    }

    private async Task FillInputAsync() =>
        Input = new InputModel { Roles = [.. await users.GetRolesAsync(Account)], StateIso3 = Account.StateIso3, GroupId = Account.GroupId };

    private static string Describe(IEnumerable<string> roles) => roles.Any() ? string.Join(", ", roles) : "none";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public sealed class InputModel
    {
        public List<string> Roles { get; set; } = [];

        public string? StateIso3 { get; set; }

        /// <summary>The group a group coordinator speaks for.</summary>
        public int? GroupId { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PortalDbContext db)
        {
            RuleFor(i => i.Roles).Must(roles => roles.All(PortalRoles.All.Contains)).WithMessage("Choose roles from the list.");
            When(i => i.Roles.Any(PortalRoles.NeedsState), () =>
                RuleFor(i => i.StateIso3)
                    .NotEmpty().WithMessage("Choose the State a contributor or approver speaks for.")
                    .MustAsync((iso3, cancellationToken) => db.States.AnyAsync(s => s.Iso3 == iso3, cancellationToken))
                    .WithMessage("Choose a State from the list."));
            When(i => i.Roles.Any(PortalRoles.NeedsGroup), () => RuleFor(i => i.GroupId).MustBeAGroup(db));
        }
    }
}
