using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Accounts;

/// <summary>
/// What an account's roles bind it to: a State for the roles that speak for one (contributors, approvers), nothing for
/// the others. Invitations carry it, accepting one copies it onto the account, and a role change replaces it. A new
/// kind of binding (a group, for group coordinators) is added here: its property, its rule in <see cref="For"/>, how
/// it is read (<see cref="Of(PortalUser)"/>, <see cref="Of(Invitation)"/>) and written (<see cref="ApplyTo"/>), its
/// audit text, and its form rules in <see cref="RoleBindingRules"/>.
/// </summary>
public sealed record RoleBinding(string? StateIso3)
{
    public static readonly RoleBinding None = new((string?)null);

    /// <summary>The binding <paramref name="roles"/> need, from what was chosen: what no role needs is dropped.</summary>
    public static RoleBinding For(IEnumerable<string> roles, string? stateIso3) =>
        roles.Any(PortalRoles.NeedsState) && !string.IsNullOrEmpty(stateIso3) ? new RoleBinding(stateIso3) : None;

    public static RoleBinding Of(PortalUser user) => new(user.StateIso3);

    public static RoleBinding Of(Invitation invitation) => new(invitation.StateIso3);

    public void ApplyTo(PortalUser user) => user.StateIso3 = StateIso3;

    /// <summary>As the audit log shows it: "State: KEN".</summary>
    public override string ToString() => $"State: {StateIso3 ?? "none"}";

    /// <summary>As the audit log shows a change: "State: none → KEN".</summary>
    public static string DescribeChange(RoleBinding from, RoleBinding to) => $"State: {from.StateIso3 ?? "none"} → {to.StateIso3 ?? "none"}";
}

/// <summary>The form rules of a <see cref="RoleBinding"/>, shared by the invitation and the account forms.</summary>
public static class RoleBindingRules
{
    public const string StateRequiredMessage = "Choose the State a contributor or approver speaks for.";
    public const string UnknownStateMessage = "Choose a State from the list.";
    public const string StateNotNeededMessage = "Only contributors and approvers are bound to a State: leave it empty for this role.";

    /// <summary>
    /// A State is chosen, and exists, when one of the roles needs it; with <paramref name="refuseUnneeded"/>, a State
    /// chosen for roles that need none is an error (otherwise it is dropped, see <see cref="RoleBinding.For"/>).
    /// </summary>
    public static void BindingRules<T>(
        this AbstractValidator<T> validator, Func<T, IEnumerable<string>> roles, System.Linq.Expressions.Expression<Func<T, string?>> state,
        PortalDbContext db, bool refuseUnneeded)
    {
        var needsState = validator.When(i => roles(i).Any(PortalRoles.NeedsState), () =>
            validator.RuleFor(state).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(StateRequiredMessage)
                .MustAsync((iso3, cancellationToken) => db.States.AnyAsync(s => s.Iso3 == iso3, cancellationToken))
                .WithMessage(UnknownStateMessage));
        if (refuseUnneeded)
        {
            needsState.Otherwise(() => validator.RuleFor(state).Empty().WithMessage(StateNotNeededMessage));
        }
    }
}
