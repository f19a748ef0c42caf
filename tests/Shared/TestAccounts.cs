using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CyberNormPortal.Tests.Shared;

/// <summary>An account created straight in the database for a test, with its authenticator key when it has one.</summary>
public sealed record TestAccount(string Id, string Email, string Password, string DisplayName, string? AuthenticatorKey)
{
    public string CurrentCode() => Totp.Code(AuthenticatorKey ?? throw new InvalidOperationException("This account has no authenticator."));
}

public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>An active account with <paramref name="roles"/>; with two-factor sign-in set up when asked.</summary>
    public static async Task<TestAccount> CreateAsync(
        IServiceProvider services, IReadOnlyList<string> roles, string? state, bool twoFactor, string? email = null, string? displayName = null)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        email ??= $"{roles[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? $"{roles[0]} {(state ?? "secretariat")} {email[..6]}",
            StateIso3 = state,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, roles));
        string? key = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestAccount(user.Id, email, Password, user.DisplayName, key);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
