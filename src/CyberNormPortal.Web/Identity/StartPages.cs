using System.Security.Claims;
using CyberNormPortal.Web.Entries;

namespace CyberNormPortal.Web.Identity;

/// <summary>
/// Where a person lands after signing in (and after the two-factor step) when no local return URL was asked for:
/// on their work. The first rule that fits decides:
/// <list type="number">
/// <item>a moderator: the moderation queue (without two-factor sign-in yet, its policy sends them to set it up first, then back);</item>
/// <item>an administrator: the administration index (likewise);</item>
/// <item>an approver or group coordinator with anything in their review queue: the review queue;</item>
/// <item>a contributor, approver or group coordinator: their desk, <c>/my</c>;</item>
/// <item>anyone else (analysts): the home page.</item>
/// </list>
/// </summary>
public sealed class StartPages(WorkQueues queues)
{
    /// <summary>The Razor page name to redirect <paramref name="user"/> (the principal just signed in) to.</summary>
    public async Task<string> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (MayReach(user, Capability.Moderates))
        {
            return "/Moderation/Index";
        }

        if (MayReach(user, Capability.Administers))
        {
            return "/Admin/Index";
        }

        if ((PortalCapabilities.Approves(user) || PortalCapabilities.Coordinates(user)) && await queues.ReviewCountAsync(user, cancellationToken) > 0)
        {
            return "/Review/Index";
        }

        return PortalCapabilities.Drafts(user) ? "/My/Index" : "/Index";
    }

    private static bool MayReach(ClaimsPrincipal user, Capability capability) =>
        PortalCapabilities.Has(user, capability) || PortalCapabilities.AwaitsTwoFactorFor(user, capability);
}
