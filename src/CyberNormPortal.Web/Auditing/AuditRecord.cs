namespace CyberNormPortal.Web.Auditing;

/// <summary>One line of the append-only audit log: who did what to which record, when, and from where.</summary>
public sealed class AuditRecord
{
    private AuditRecord()
    {
    }

    public AuditRecord(
        DateTimeOffset at, string? userId, string actorName, string action, string? subject, string? details, string? ipAddress)
    {
        At = at;
        UserId = userId;
        ActorName = actorName;
        Action = action;
        Subject = subject;
        Details = details;
        IpAddress = ipAddress;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The account that acted; null for an unknown or anonymous actor (a failed sign-in for an unknown e-mail).</summary>
    public string? UserId { get; private set; }

    /// <summary>Name or e-mail of the actor as it was at the time.</summary>
    public string ActorName { get; private set; } = "";

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>What was acted on, e.g. "entry:42", "user:ada@example.org".</summary>
    public string? Subject { get; private set; }

    public string? Details { get; private set; }

    public string? IpAddress { get; private set; }
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string RecoveryCodesRenewed = "recovery-codes-renewed";
    public const string Invited = "invited";
    public const string InvitationAccepted = "invitation-accepted";
    public const string InvitationRevoked = "invitation-revoked";
    public const string RolesChanged = "roles-changed";
    public const string Deactivated = "deactivated";
    public const string Reactivated = "reactivated";
    public const string AdministratorCreated = "administrator-created";
    public const string EntryCreated = "entry-created";
    public const string EntryEdited = "entry-edited";
    public const string CycleSaved = "cycle-saved";
    public const string GroupSaved = "group-saved";
    public const string ParticipationChanged = "participation-changed";
    public const string RestrictedExport = "restricted-export";
    public const string NormTextSaved = "norm-text-saved";

    public const string ReportStarted = "report-started";
    public const string ReportPartSaved = "report-part-saved";
    public const string ReportLabelChanged = "report-label-changed";

    /// <summary>A report's workflow step: "report-submit", "report-approve", …</summary>
    public static string ReportWorkflow(Domain.Entries.WorkflowAction action) => "report-" + action.ToString().ToLowerInvariant();

    public const string OrganisationCreated = "organisation-created";
    public const string OrganisationChanged = "organisation-changed";
    public const string CapacityCreated = "capacity-created";
    public const string CapacitySaved = "capacity-saved";

    /// <summary>A published need's or offer's suggestions were mailed to the counterparts' contacts (once per item).</summary>
    public const string CapacityAnnounced = "capacity-announced";

    /// <summary>A step on a need or offer: "capacity-submit", "capacity-approve" …</summary>
    public static string CapacityWorkflow(Domain.Entries.WorkflowAction action) => "capacity-" + action.ToString().ToLowerInvariant();

    /// <summary>A step on a match: "match-expressinterest", "match-introduce" …</summary>
    public static string MatchWorkflow(Domain.Capacity.MatchAction action) => "match-" + action.ToString().ToLowerInvariant();
    /// <summary>A questionnaire created, copied, versioned, or one of its parts, questions or actions changed.</summary>
    public const string QuestionnaireChanged = "questionnaire-changed";

    /// <summary>A workflow step: "entry-submit", "entry-approve", …</summary>
    public static string Workflow(Domain.Entries.WorkflowAction action) => "entry-" + action.ToString().ToLowerInvariant();
}
