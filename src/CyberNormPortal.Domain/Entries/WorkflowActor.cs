namespace CyberNormPortal.Domain.Entries;

[Flags]
public enum WorkflowRoles
{
    None = 0,
    Contributor = 1,
    Approver = 2,
    Moderator = 4,
}

/// <summary>Who attempts a workflow step: an account, its roles, and the State it is bound to, if any.</summary>
public sealed record WorkflowActor(string UserId, string DisplayName, WorkflowRoles Roles, string? StateIso3)
{
    public bool Has(WorkflowRoles role) => (Roles & role) == role;

    /// <summary>A contributor or approver of exactly this State.</summary>
    public bool SpeaksFor(string? stateIso3) =>
        stateIso3 is not null && StateIso3 == stateIso3 && (Has(WorkflowRoles.Contributor) || Has(WorkflowRoles.Approver));
}

/// <summary>Facts about the entry's State that the rules need and the entry itself does not hold.</summary>
public sealed record WorkflowContext(bool StateIsInitiativeMember, bool StateHasSinglePointOfContact);
