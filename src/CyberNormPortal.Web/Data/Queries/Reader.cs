using System.Security.Claims;
using CyberNormPortal.Web.Identity;

namespace CyberNormPortal.Web.Data.Queries;

/// <summary>
/// Who is reading, as far as visibility goes: TLP:CLEAR for everyone, TLP:GREEN for any signed-in
/// account, TLP:AMBER for the authoring State's own users and moderators — acting ones, with two-factor sign-in
/// (<see cref="PortalCapabilities.ActsAsModerator"/>): the role alone reads no more than an analyst.
/// </summary>
/// <para>An organisation contact also reads its own organisation's TLP:AMBER capacity offers
/// (<paramref name="OrganisationId"/>).</para>
public sealed record Reader(bool IsSignedIn, string? StateIso3, bool IsModerator, int? OrganisationId = null)
{
    public static readonly Reader Anonymous = new(false, null, false);

    public static Reader From(ClaimsPrincipal user) =>
        PortalCapabilities.IsSignedIn(user)
            ? new Reader(
                true,
                PortalCapabilities.StateOf(user),
                PortalCapabilities.ActsAsModerator(user),
                PortalCapabilities.RepresentsOrganisation(user) ? PortalCapabilities.OrganisationOf(user) : null)
            : Anonymous;
}
