using CyberNormPortal.Web.Accounts;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.Users;

/// <summary>One account: its roles and State, and (de)activation, all through <see cref="AccountService"/>.</summary>
public sealed class EditModel(
    PortalDbContext db, UserManager<PortalUser> users, AccountService accounts, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PortalUser Account { get; private set; } = null!;

    public bool IsSelf { get; private set; }

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

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
        if (!await new InputValidator(db, localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var binding = RoleBinding.For(Input.Roles, Input.StateIso3, Input.GroupId, Input.OrganisationId);
        switch (await accounts.ChangeRolesAsync(User, id, Input.Roles, binding, cancellationToken))
        {
            case AccountResult.NotFound:
                return NotFound();
            case AccountResult.Refused refused:
                ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Roles)}", localizer[refused.MessageKey]);
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            case AccountResult.Unchanged:
                TempData.SetNotice(localizer["Nothing changed."]);
                break;
            default:
                TempData.SetNotice(localizer["Roles and State saved. The user's open sessions have ended."]);
                break;
        }

        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, localizer["Account deactivated: the user was signed out everywhere and cannot sign in."], cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, localizer["Account reactivated: the user can sign in again."], cancellationToken);

    private async Task<IActionResult> SetActiveAsync(string id, bool active, string notice, CancellationToken cancellationToken)
    {
        switch (await accounts.SetActiveAsync(User, id, active, cancellationToken))
        {
            case AccountResult.NotFound:
                return NotFound();
            case AccountResult.Refused refused:
                if (!await LoadAsync(id, cancellationToken))
                {
                    return NotFound();
                }

                await FillInputAsync();
                ModelState.AddModelError(string.Empty, localizer[refused.MessageKey]);
                return Page();
            default:
                TempData.SetNotice(notice);
                return RedirectToPage(new { id });
        }
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
        States = await db.StateOptionsAsync(names, cancellationToken);
        Groups = await db.GroupOptionsAsync(cancellationToken);
        Organisations = await db.OrganisationOptionsAsync(cancellationToken);
        return true;
    }

    private async Task FillInputAsync() =>
        Input = new InputModel { Roles = [.. await users.GetRolesAsync(Account)], StateIso3 = Account.StateIso3, GroupId = Account.GroupId, OrganisationId = Account.OrganisationId };

    public sealed class InputModel
    {
        public List<string> Roles { get; set; } = [];

        public string? StateIso3 { get; set; }

        /// <summary>The group a group coordinator speaks for.</summary>
        public int? GroupId { get; set; }

        /// <summary>The organisation an organisation contact speaks for.</summary>
        public int? OrganisationId { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PortalDbContext db, IStringLocalizer localizer)
        {
            RuleFor(i => i.Roles).Must(roles => roles.All(PortalRoles.All.Contains)).WithMessage(localizer, ValidationMessages.RolesUnknown);
            this.BindingRules(i => i.Roles, i => i.StateIso3, i => i.GroupId, i => i.OrganisationId, db, localizer, refuseUnneeded: false);
        }
    }
}
