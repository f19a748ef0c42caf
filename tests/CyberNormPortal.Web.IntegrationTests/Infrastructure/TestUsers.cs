using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>An account made for a test, with what is needed to sign in as it.</summary>
public sealed record TestUser(string Id, string Email, string Password, string DisplayName, IReadOnlyList<string> Roles, string? StateIso3, string? AuthenticatorKey)
{
    /// <summary>The code the user's authenticator app shows now.</summary>
    public string CurrentCode() => Totp.Code(AuthenticatorKey ?? throw new InvalidOperationException("This user has no authenticator."));
}

/// <summary>Intent-level helpers that create accounts straight in the database.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// An active account with the given roles (Contributor and Approver need <paramref name="state"/>).
    /// Moderators and administrators get an authenticator by default, as they must have one to reach their pages.
    /// </summary>
    public static Task<TestUser> CreateUserAsync(
        this PortalFixture portal, string role, string? state = null, bool? twoFactor = null, string? email = null, params string[] moreRoles) =>
        portal.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var roles = new[] { role }.Concat(moreRoles).ToList();
            email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = $"{role} {(state ?? "secretariat")} {email[..6]}",
                StateIso3 = state,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, roles));

            string? key = null;
            if (twoFactor ?? roles.Any(PortalRoles.NeedsTwoFactor))
            {
                Check(await users.ResetAuthenticatorKeyAsync(user));
                key = await users.GetAuthenticatorKeyAsync(user);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }

            return new TestUser(user.Id, email, Password, user.DisplayName, roles, state, key);
        });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
