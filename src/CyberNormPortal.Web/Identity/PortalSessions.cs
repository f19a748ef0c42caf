using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CyberNormPortal.Web.Identity;

/// <summary>
/// How long a session lives. Idle: the cookie's own 30-minute sliding expiry. Absolute: 12 hours from the sign-in,
/// however active the session — kept in the ticket's properties, which sliding renewal, RefreshSignInAsync and the
/// security-stamp check all carry over unchanged (unlike IssuedUtc, which every renewal moves).
/// </summary>
public static class PortalSessions
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>How long after proving the password a user may change their two-factor settings without proving it again.</summary>
    public static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(5);

    private const string SignedInItem = "portal.signed-in";
    private const string AuthenticatedItem = "portal.authenticated";

    /// <summary>Whether the cookie being issued starts a session (a sign-in), rather than renewing one.</summary>
    public static bool IsNewSignIn(AuthenticationProperties properties) => !properties.Items.ContainsKey(SignedInItem);

    /// <summary>A new sign-in starts both clocks; a re-issued cookie of the same session keeps them.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        var now = Now(context.Options);
        context.Properties.Items.TryAdd(SignedInItem, Format(now));
        context.Properties.Items.TryAdd(AuthenticatedItem, Format(now));
        return Task.CompletedTask;
    }

    /// <summary>Ends a session older than <see cref="AbsoluteLifetime"/> (or one without a start), then checks the security stamp.</summary>
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var signedIn = Read(context.Properties, SignedInItem);
        if (signedIn is null || Now(context.Options) - signedIn.Value >= AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Whether the current session proved the password within <see cref="RecentSignIn"/>.</summary>
    public static async Task<bool> AuthenticatedRecentlyAsync(HttpContext httpContext)
    {
        var result = await httpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var authenticated = result.Succeeded ? Read(result.Properties, AuthenticatedItem) : null;
        var clock = httpContext.RequestServices.GetRequiredService<TimeProvider>();
        return authenticated is not null && clock.GetUtcNow() - authenticated.Value < RecentSignIn;
    }

    /// <summary>Re-issues the session cookie with the password proven now; the session's start (and so its end) stays.</summary>
    public static async Task MarkAuthenticatedAsync(HttpContext httpContext)
    {
        var result = await httpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded)
        {
            return;
        }

        var clock = httpContext.RequestServices.GetRequiredService<TimeProvider>();
        result.Properties.Items[AuthenticatedItem] = Format(clock.GetUtcNow());
        await httpContext.SignInAsync(IdentityConstants.ApplicationScheme, result.Principal, result.Properties);
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();

    private static string Format(DateTimeOffset time) => time.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? Read(AuthenticationProperties properties, string item) =>
        properties.Items.TryGetValue(item, out var text) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
}
