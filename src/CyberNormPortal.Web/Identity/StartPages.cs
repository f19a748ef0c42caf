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
/// <item>an organisation contact: the organisation's capacity desk, <c>/my/capacity</c>;</item>
/// <item>anyone else (analysts): the home page.</item>
/// </list>
/// </summary>
public sealed class StartPages(WorkQueues queues)
{
    /// <summary>
    /// The app-relative path (<c>~/…</c>, for <c>Url.Content</c>: the culture prefix is the path base) to redirect
    /// <paramref name="user"/> (the principal just signed in) to. A path rather than a page name, as the routes are
    /// the agreed contract (the capacity desk's page lives in another slice).
    /// </summary>
    public async Task<string> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (MayReach(user, Capability.Moderates))
        {
            return "~/moderation";
        }

        if (MayReach(user, Capability.Administers))
        {
            return "~/admin";
        }

        if ((PortalCapabilities.Approves(user) || PortalCapabilities.Coordinates(user)) && await queues.ReviewCountAsync(user, cancellationToken) > 0)
        {
            return "~/review";
        }

        return PortalCapabilities.Drafts(user) ? "~/my"
            : PortalCapabilities.RepresentsOrganisation(user) ? "~/my/capacity"
            : "~/";
    }

    private static bool MayReach(ClaimsPrincipal user, Capability capability) =>
        PortalCapabilities.Has(user, capability) || PortalCapabilities.AwaitsTwoFactorFor(user, capability);
}
