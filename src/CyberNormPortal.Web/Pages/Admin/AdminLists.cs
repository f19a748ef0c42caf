using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin;

/// <summary>A State as the administration forms offer it.</summary>
public sealed record StateOption(string Iso3, string Name);

public static class AdminLists
{
    /// <summary>The 193 States by name, for selects and checkbox lists.</summary>
    public static Task<List<StateOption>> StateOptionsAsync(this PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.States.AsNoTracking().OrderBy(s => s.Name).Select(s => new StateOption(s.Iso3, s.Name)).ToListAsync(cancellationToken);

    /// <summary>A filter as typed, without control characters (<see cref="TypedText"/>).</summary>
    public static string? Typed(string? text) => text is null ? null : TypedText.WithoutControlCharacters(text);

    /// <summary>Escapes a user's text for a LIKE pattern ("contains").</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>A role's name in the user's language.</summary>
    public static string RoleLabel(IStringLocalizer localizer, string role) => role switch
    {
        PortalRoles.Analyst => localizer["Analyst"],
        PortalRoles.Contributor => localizer["Contributor"],
        PortalRoles.Approver => localizer["Approver"],
        PortalRoles.Moderator => localizer["Moderator"],
        PortalRoles.Administrator => localizer["Administrator"],
        _ => role,
    };
}
