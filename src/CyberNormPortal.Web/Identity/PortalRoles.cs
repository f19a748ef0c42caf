namespace CyberNormPortal.Web.Identity;

/// <summary>
/// The roles of DESIGN.md. A user may hold several; Contributor and Approver bind the user to one State, Group
/// coordinator to one group.
/// </summary>
public static class PortalRoles
{
    public const string Analyst = "Analyst";
    public const string Contributor = "Contributor";
    public const string Approver = "Approver";
    public const string Moderator = "Moderator";
    public const string Administrator = "Administrator";

    /// <summary>A point of contact bound to a group (e.g. the G7 presidency's): drafts and reviews its joint entries.</summary>
    public const string GroupCoordinator = "GroupCoordinator";

    /// <summary>A point of contact of a capacity-building organisation, bound to it: posts its offers, answers needs they match.</summary>
    public const string OrganisationContact = "OrganisationContact";

    public static readonly IReadOnlyList<string> All = [Analyst, Contributor, Approver, GroupCoordinator, OrganisationContact, Moderator, Administrator];

    /// <summary>Roles that speak for one State and so need one.</summary>
    public static bool NeedsState(string role) => role is Contributor or Approver;

    /// <summary>Roles that speak jointly for one group and so need one.</summary>
    public static bool NeedsGroup(string role) => role is GroupCoordinator;

    /// <summary>Roles that speak for one capacity-building organisation and so need one.</summary>
    public static bool NeedsOrganisation(string role) => role is OrganisationContact;

    /// <summary>Roles that may not reach their pages until two-factor sign-in is set up.</summary>
    public static bool NeedsTwoFactor(string role) => role is Moderator or Administrator;
}
