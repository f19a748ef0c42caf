namespace CyberNormPortal.Domain.Entries;

[Flags]
public enum WorkflowRoles
{
    None = 0,
    Contributor = 1,
    Approver = 2,
    Moderator = 4,

    /// <summary>A point of contact bound to a group: drafts, submits and reviews the group's joint entries.</summary>
    GroupCoordinator = 8,

    /// <summary>A point of contact of a capacity-building organisation: drafts and submits its offers.</summary>
    OrganisationContact = 16,
}

/// <summary>
/// Who attempts a workflow step: an account, its roles, the State it is bound to (contributors and approvers)
/// and the group it coordinates (group coordinators), if any.
/// </summary>
public sealed record WorkflowActor(string UserId, string DisplayName, WorkflowRoles Roles, string? StateIso3, int? GroupId = null, int? OrganisationId = null)
{
    public bool Has(WorkflowRoles role) => (Roles & role) == role;

    /// <summary>A contributor or approver of exactly this State.</summary>
    public bool SpeaksFor(string? stateIso3) =>
        stateIso3 is not null && StateIso3 == stateIso3 && (Has(WorkflowRoles.Contributor) || Has(WorkflowRoles.Approver));

    /// <summary>A coordinator of exactly this group.</summary>
    public bool Coordinates(int? groupId) =>
        groupId is not null && GroupId == groupId && Has(WorkflowRoles.GroupCoordinator);

    /// <summary>A point of contact of exactly this organisation.</summary>
    public bool RepresentsOrganisation(int? organisationId) =>
        organisationId is not null && OrganisationId == organisationId && Has(WorkflowRoles.OrganisationContact);

    /// <summary>
    /// May draft, edit and submit the entries of this author: a State's own contributors and approvers, or for a
    /// joint entry the group's coordinators.
    /// </summary>
    public bool SpeaksFor(string? stateIso3, int? groupId) => SpeaksFor(stateIso3) || Coordinates(groupId);

    /// <summary>Has someone to speak for: a State it contributes to or approves for, or a group it coordinates.</summary>
    public bool MayDraft => SpeaksFor(StateIso3) || Coordinates(GroupId);
}

/// <summary>
/// Facts about the entry's author that the rules need and the entry itself does not hold. For a joint entry,
/// <see cref="StateIsInitiativeMember"/> means every State of the group is an initiative member (the group speaks
/// for members only), and <see cref="StateHasSinglePointOfContact"/> is false (a moderator may always review it).
/// </summary>
public sealed record WorkflowContext(bool StateIsInitiativeMember, bool StateHasSinglePointOfContact);
