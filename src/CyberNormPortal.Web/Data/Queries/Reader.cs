using System.Security.Claims;
using CyberNormPortal.Web.Identity;

namespace CyberNormPortal.Web.Data.Queries;

/// <summary>
/// Who is reading, as far as visibility goes: TLP:CLEAR for everyone, TLP:GREEN for any signed-in
/// account, TLP:AMBER for the authoring State's own users and moderators.
/// </summary>
public sealed record Reader(bool IsSignedIn, string? StateIso3, bool IsModerator)
{
    public static readonly Reader Anonymous = new(false, null, false);

    public static Reader From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? new Reader(true, user.FindFirstValue(PortalClaims.State), user.IsInRole(PortalRoles.Moderator))
            : Anonymous;
}
