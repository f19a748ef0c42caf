using System.Security.Claims;

namespace CyberNormPortal.Web.Identity;

/// <summary>What a signed-in person may do as the portal's pages, policies, visibility and navigation see it.</summary>
public enum Capability
{
    /// <summary>Drafts and submits their State's entries (contributors and approvers, bound to a State).</summary>
    Contributes,

    /// <summary>Reviews their State's submitted entries (approvers, bound to a State).</summary>
    Approves,

    /// <summary>Drafts, submits and reviews their group's joint entries (group coordinators, bound to a group).</summary>
    Coordinates,

    /// <summary>Drafts entries of any kind: <see cref="Contributes"/> or <see cref="Coordinates"/> (the entry form, /my).</summary>
    Drafts,

    /// <summary>Moderates: partner States' entries, withdrawals, TLP:AMBER of every State. Needs two-factor sign-in.</summary>
    Moderates,

    /// <summary>Administers accounts, State participation and the audit log. Needs two-factor sign-in.</summary>
    Administers,

    /// <summary>The review queue: approvers, group coordinators, and moderators standing in as reviewers.</summary>
    Reviews,

    /// <summary>Cycles and groups: moderators or administrators.</summary>
    ManagesInitiative,

    /// <summary>Speaks for a capacity-building organisation (organisation contacts, bound to one): posts its offers.</summary>
    RepresentsOrganisation,

    /// <summary>Posts capacity needs or offers: <see cref="Contributes"/> (for a State) or <see cref="RepresentsOrganisation"/>.</summary>
    PostsCapacity,
}

/// <summary>
/// The one definition of what a signed-in person's roles and claims let them do. A moderator or administrator
/// acts as one only with two-factor sign-in (the <see cref="PortalClaims.TwoFactor"/> claim): holding the role
/// alone gives nothing beyond an analyst's reading. Visibility (<c>Reader.From</c>), the workflow actor
/// (<c>PortalActor.From</c>), the folder policies and the header navigation all ask here, never <c>IsInRole</c>.
/// </summary>
public static class PortalCapabilities
{
    public static bool IsSignedIn(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool HasTwoFactor(ClaimsPrincipal user) => user.HasClaim(PortalClaims.TwoFactor, "true");

    /// <summary>The State a contributor or approver speaks for, or null.</summary>
    public static string? StateOf(ClaimsPrincipal user) => IsSignedIn(user) ? user.FindFirstValue(PortalClaims.State) : null;

    /// <summary>The group a group coordinator speaks for, or null.</summary>
    public static int? GroupOf(ClaimsPrincipal user) =>
        IsSignedIn(user) && int.TryParse(user.FindFirstValue(PortalClaims.Group), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var group)
            ? group
            : null;

    /// <summary>The capacity-building organisation an organisation contact speaks for, or null.</summary>
    public static int? OrganisationOf(ClaimsPrincipal user) =>
        IsSignedIn(user) && int.TryParse(user.FindFirstValue(PortalClaims.Organisation), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var organisation)
            ? organisation
            : null;

    /// <summary>Whether <paramref name="user"/> may do <paramref name="capability"/> now.</summary>
    public static bool Has(ClaimsPrincipal user, Capability capability) =>
        IsSignedIn(user) && Grants(user, capability, HasTwoFactor(user));

    /// <summary>
    /// Whether <paramref name="user"/> would have <paramref name="capability"/> once two-factor sign-in is set up, and
    /// has not yet: such a person asking for one of its pages is sent to set it up.
    /// </summary>
    public static bool AwaitsTwoFactorFor(ClaimsPrincipal user, Capability capability) =>
        IsSignedIn(user) && !Has(user, capability) && Grants(user, capability, twoFactor: true);

    /// <summary>Whether <paramref name="user"/> holds a role that needs two-factor sign-in they have not set up.</summary>
    public static bool AwaitsTwoFactor(ClaimsPrincipal user) =>
        AwaitsTwoFactorFor(user, Capability.Moderates) || AwaitsTwoFactorFor(user, Capability.Administers);

    public static bool Contributes(ClaimsPrincipal user) => Has(user, Capability.Contributes);

    public static bool Approves(ClaimsPrincipal user) => Has(user, Capability.Approves);

    public static bool Coordinates(ClaimsPrincipal user) => Has(user, Capability.Coordinates);

    public static bool Drafts(ClaimsPrincipal user) => Has(user, Capability.Drafts);

    public static bool ActsAsModerator(ClaimsPrincipal user) => Has(user, Capability.Moderates);

    public static bool ActsAsAdministrator(ClaimsPrincipal user) => Has(user, Capability.Administers);

    public static bool Reviews(ClaimsPrincipal user) => Has(user, Capability.Reviews);

    public static bool ManagesInitiative(ClaimsPrincipal user) => Has(user, Capability.ManagesInitiative);

    public static bool RepresentsOrganisation(ClaimsPrincipal user) => Has(user, Capability.RepresentsOrganisation);

    public static bool PostsCapacity(ClaimsPrincipal user) => Has(user, Capability.PostsCapacity);

    private static bool Grants(ClaimsPrincipal user, Capability capability, bool twoFactor) => capability switch
    {
        Capability.Contributes => (Holds(user, PortalRoles.Contributor, twoFactor) || Holds(user, PortalRoles.Approver, twoFactor)) && BoundToState(user),
        Capability.Approves => Holds(user, PortalRoles.Approver, twoFactor) && BoundToState(user),
        Capability.Coordinates => Holds(user, PortalRoles.GroupCoordinator, twoFactor) && GroupOf(user) is not null,
        Capability.Drafts => Grants(user, Capability.Contributes, twoFactor) || Grants(user, Capability.Coordinates, twoFactor),
        Capability.Moderates => Holds(user, PortalRoles.Moderator, twoFactor),
        Capability.Administers => Holds(user, PortalRoles.Administrator, twoFactor),
        Capability.Reviews => Grants(user, Capability.Approves, twoFactor) || Grants(user, Capability.Coordinates, twoFactor)
            || Grants(user, Capability.Moderates, twoFactor),
        Capability.ManagesInitiative => Grants(user, Capability.Moderates, twoFactor) || Grants(user, Capability.Administers, twoFactor),
        Capability.RepresentsOrganisation => Holds(user, PortalRoles.OrganisationContact, twoFactor) && OrganisationOf(user) is not null,
        Capability.PostsCapacity => Grants(user, Capability.Contributes, twoFactor) || Grants(user, Capability.RepresentsOrganisation, twoFactor),
    };

    /// <summary>The role counts only with two-factor sign-in where <see cref="PortalRoles.NeedsTwoFactor"/> says so.</summary>
    private static bool Holds(ClaimsPrincipal user, string role, bool twoFactor) =>
        user.IsInRole(role) && (twoFactor || !PortalRoles.NeedsTwoFactor(role));

    private static bool BoundToState(ClaimsPrincipal user) => !string.IsNullOrEmpty(user.FindFirstValue(PortalClaims.State));
}
