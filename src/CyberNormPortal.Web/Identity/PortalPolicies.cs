using Microsoft.AspNetCore.Authorization;

namespace CyberNormPortal.Web.Identity;

/// <summary>Policy names used by pages; what each requires is set in one place, <see cref="AddPortalPolicies"/>.</summary>
public static class PortalPolicies
{
    /// <summary>Any active account.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Contributors and approvers bound to a State, and group coordinators bound to a group: people who draft entries.</summary>
    public const string Contributes = "Contributes";

    /// <summary>Approvers, group coordinators and moderators (with two-factor sign-in): the review queue.</summary>
    public const string Reviews = "Reviews";

    /// <summary>Moderators, with two-factor sign-in.</summary>
    public const string Moderates = "Moderates";

    /// <summary>Administrators, with two-factor sign-in.</summary>
    public const string Administers = "Administers";

    /// <summary>Moderators or administrators (cycles and groups), with two-factor sign-in.</summary>
    public const string ManagesInitiative = "ManagesInitiative";

    /// <summary>Points of contact of a State or of a capacity-building organisation: they post needs and offers.</summary>
    public const string PostsCapacity = "PostsCapacity";

    /// <summary>Each policy asserts one <see cref="Capability"/>, as <see cref="PortalCapabilities"/> defines it.</summary>
    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) =>
        builder
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Contributes, policy => policy.RequireCapability(Capability.Drafts))
            .AddPolicy(Reviews, policy => policy.RequireCapability(Capability.Reviews))
            .AddPolicy(Moderates, policy => policy.RequireCapability(Capability.Moderates))
            .AddPolicy(Administers, policy => policy.RequireCapability(Capability.Administers))
            .AddPolicy(ManagesInitiative, policy => policy.RequireCapability(Capability.ManagesInitiative))
            .AddPolicy(PostsCapacity, policy => policy.RequireCapability(Capability.PostsCapacity));

    private static AuthorizationPolicyBuilder RequireCapability(this AuthorizationPolicyBuilder policy, Capability capability) =>
        policy.RequireAuthenticatedUser().AddRequirements(new CapabilityRequirement(capability));
}

/// <summary>
/// The user has <see cref="Capability"/> now (<see cref="PortalCapabilities.Has"/>). When they would have it with
/// two-factor sign-in, <c>TwoFactorSetupRedirect</c> sends them to set it up instead of refusing.
/// </summary>
public sealed class CapabilityRequirement(Capability capability) : AuthorizationHandler<CapabilityRequirement>, IAuthorizationRequirement
{
    public Capability Capability { get; } = capability;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if (PortalCapabilities.Has(context.User, requirement.Capability))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
