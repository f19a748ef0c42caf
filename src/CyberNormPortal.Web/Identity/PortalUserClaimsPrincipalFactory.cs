using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Identity;

/// <summary>Adds the user's State, group, display name and two-factor status to the sign-in cookie.</summary>
public sealed class PortalUserClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.StateIso3 is not null)
        {
            identity.AddClaim(new Claim(PortalClaims.State, user.StateIso3));
        }

        if (user.GroupId is { } groupId)
        {
            identity.AddClaim(new Claim(PortalClaims.Group, groupId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(PortalClaims.Organisation, organisationId.ToString(CultureInfo.InvariantCulture)));
        }

        identity.AddClaim(new Claim(PortalClaims.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim(PortalClaims.Language, user.PreferredLanguage));
        return identity;
    }
}

/// <summary>A deactivated account cannot sign in; with the security stamp changed, its sessions end too.</summary>
public sealed class ActiveUserConfirmation : IUserConfirmation<PortalUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(user.IsActive);
}
