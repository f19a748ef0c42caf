using CyberNormPortal.Web.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace CyberNormPortal.Web.Identity;

/// <summary>Policy names used by pages; what each requires is set in one place, <see cref="AddPortalPolicies"/>.</summary>
public static class PortalPolicies
{
    /// <summary>Any active account.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Contributors and approvers bound to a State, and group coordinators bound to a group: people who draft entries.</summary>
    public const string Contributes = "Contributes";

    /// <summary>Approvers, group coordinators and moderators: the review queue.</summary>
    public const string Reviews = "Reviews";

    /// <summary>Moderators, with two-factor sign-in.</summary>
    public const string Moderates = "Moderates";

    /// <summary>Administrators, with two-factor sign-in.</summary>
    public const string Administers = "Administers";

    /// <summary>Moderators or administrators (cycles and groups), with two-factor sign-in.</summary>
    public const string ManagesInitiative = "ManagesInitiative";

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) =>
        builder
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Contributes, policy => policy.RequireAssertion(context => PortalActor.From(context.User)?.MayDraft == true))
            .AddPolicy(Reviews, policy => policy.RequireRole(PortalRoles.Approver, PortalRoles.GroupCoordinator, PortalRoles.Moderator))
            .AddPolicy(Moderates, policy => policy.RequireRole(PortalRoles.Moderator).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Administers, policy => policy.RequireRole(PortalRoles.Administrator).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(ManagesInitiative, policy => policy
                .RequireRole(PortalRoles.Moderator, PortalRoles.Administrator)
                .AddRequirements(new TwoFactorRequirement()));
}

/// <summary>The user has two-factor sign-in set up (moderators and administrators must).</summary>
public sealed class TwoFactorRequirement : AuthorizationHandler<TwoFactorRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        if (context.User.HasClaim(PortalClaims.TwoFactor, "true"))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
