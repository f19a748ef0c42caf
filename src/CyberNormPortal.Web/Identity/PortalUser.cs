using Microsoft.AspNetCore.Identity;

namespace CyberNormPortal.Web.Identity;

/// <summary>An account of the portal. Contributors and approvers are bound to exactly one State, group coordinators to one group.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The State a contributor or approver speaks for; null for other roles.</summary>
    public string? StateIso3 { get; set; }

    /// <summary>The group a group coordinator speaks for jointly; null for other roles.</summary>
    public int? GroupId { get; set; }

    /// <summary>The capacity-building organisation an organisation contact speaks for.</summary>
    public int? OrganisationId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The portal language the user reads pages and mail in: one of <see cref="Localization.PortalCultures"/>.</summary>
    public string PreferredLanguage { get; set; } = Localization.PortalCultures.DefaultName;

    public DateTimeOffset CreatedAt { get; set; }
}
