namespace CyberNormPortal.Web.Identity;

/// <summary>Claims the portal adds to a signed-in user's principal.</summary>
public static class PortalClaims
{
    /// <summary>ISO3 code of the State a contributor or approver speaks for.</summary>
    public const string State = "portal:state";

    /// <summary>Id of the group a group coordinator speaks for.</summary>
    public const string Group = "portal:group";

    /// <summary>Id of the capacity-building organisation an organisation contact speaks for.</summary>
    public const string Organisation = "portal:organisation";

    /// <summary>The name other people see.</summary>
    public const string DisplayName = "portal:name";

    /// <summary>"true" once the account has two-factor sign-in set up.</summary>
    public const string TwoFactor = "portal:2fa";

    /// <summary>The account's preferred language at sign-in (<see cref="PortalUser.PreferredLanguage"/>).</summary>
    public const string Language = "portal:language";
}
