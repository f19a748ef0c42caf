using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Pages.Admin;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Accounts;

/// <summary>
/// What an account's roles bind it to: a State for the roles that speak for one (contributors, approvers), a group for
/// group coordinators, an organisation for organisation contacts, nothing for the others. Invitations carry it, accepting one copies it onto the account, and a
/// role change replaces it. Its form rules are in <see cref="RoleBindingRules"/>.
/// </summary>
public sealed record RoleBinding(string? StateIso3, int? GroupId = null, int? OrganisationId = null)
{
    public static readonly RoleBinding None = new((string?)null);

    /// <summary>The binding <paramref name="roles"/> need, from what was chosen: what no role needs is dropped.</summary>
    public static RoleBinding For(IEnumerable<string> roles, string? stateIso3, int? groupId = null, int? organisationId = null)
    {
        var held = roles.ToList();
        return new RoleBinding(
            held.Any(PortalRoles.NeedsState) && !string.IsNullOrEmpty(stateIso3) ? stateIso3 : null,
            held.Any(PortalRoles.NeedsGroup) ? groupId : null,
            held.Any(PortalRoles.NeedsOrganisation) ? organisationId : null);
    }

    public static RoleBinding Of(PortalUser user) => new(user.StateIso3, user.GroupId, user.OrganisationId);

    public static RoleBinding Of(Invitation invitation) => new(invitation.StateIso3, invitation.GroupId, invitation.OrganisationId);

    public void ApplyTo(PortalUser user)
    {
        user.StateIso3 = StateIso3;
        user.GroupId = GroupId;
        user.OrganisationId = OrganisationId;
    }

    /// <summary>
    /// As the audit log shows a change: "State: none → KEN" (and the group, the organisation, when either side has one).
    /// </summary>
    public static string DescribeChange(RoleBinding from, RoleBinding to) =>
        $"State: {from.StateIso3 ?? "none"} → {to.StateIso3 ?? "none"}"
        + Change("Group", from.GroupId, to.GroupId)
        + Change("Organisation", from.OrganisationId, to.OrganisationId);

    private static string Change(string what, int? from, int? to) =>
        from is null && to is null ? "" : $"; {what}: {Id(from)} → {Id(to)}";

    private static string Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}

/// <summary>
/// The form rules of a <see cref="RoleBinding"/>, shared by the invitation and the account forms. The messages are keys of
/// Resources/SharedResource.resx, shown in the reader's language.
/// </summary>
public static class RoleBindingRules
{
    public const string StateRequiredMessage = "Choose the State a contributor or approver speaks for.";
    public const string UnknownStateMessage = "Choose a State from the list.";
    public const string StateNotNeededMessage = "Only contributors and approvers are bound to a State: leave it empty for this role.";
    public const string GroupNotNeededMessage = "Only group coordinators are bound to a group: leave it empty for this role.";
    public const string OrganisationRequiredMessage = "Choose the organisation an organisation contact speaks for.";
    public const string UnknownOrganisationMessage = "Choose an organisation from the list.";
    public const string OrganisationNotNeededMessage = "Only organisation contacts are bound to an organisation: leave it empty for this role.";

    /// <summary>
    /// A State (a group, an organisation) is chosen, and exists, when one of the roles needs it; with <paramref name="refuseUnneeded"/>,
    /// one chosen for roles that need none is an error (otherwise it is dropped, see <see cref="RoleBinding.For"/>).
    /// </summary>
    public static void BindingRules<T>(
        this AbstractValidator<T> validator,
        Func<T, IEnumerable<string>> roles,
        System.Linq.Expressions.Expression<Func<T, string?>> state,
        System.Linq.Expressions.Expression<Func<T, int?>> group,
        System.Linq.Expressions.Expression<Func<T, int?>> organisation,
        PortalDbContext db,
        IStringLocalizer localizer,
        bool refuseUnneeded)
    {
        var needsGroup = validator.When(i => roles(i).Any(PortalRoles.NeedsGroup), () => validator.RuleFor(group).MustBeAGroup(db, localizer));
        if (refuseUnneeded)
        {
            needsGroup.Otherwise(() => validator.RuleFor(group).Null().WithMessage(localizer, GroupNotNeededMessage));
        }

        var needsOrganisation = validator.When(i => roles(i).Any(PortalRoles.NeedsOrganisation), () =>
            validator.RuleFor(organisation).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(localizer, OrganisationRequiredMessage)
                .MustAsync((id, cancellationToken) => db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
                .WithMessage(localizer, UnknownOrganisationMessage));
        if (refuseUnneeded)
        {
            needsOrganisation.Otherwise(() => validator.RuleFor(organisation).Null().WithMessage(localizer, OrganisationNotNeededMessage));
        }

        var needsState = validator.When(i => roles(i).Any(PortalRoles.NeedsState), () =>
            validator.RuleFor(state).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, StateRequiredMessage)
                .MustAsync((iso3, cancellationToken) => db.States.AnyAsync(s => s.Iso3 == iso3, cancellationToken))
                .WithMessage(localizer, UnknownStateMessage));
        if (refuseUnneeded)
        {
            needsState.Otherwise(() => validator.RuleFor(state).Empty().WithMessage(localizer, StateNotNeededMessage));
        }
    }
}
