using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CyberNormPortal.Web.Localization;

/// <summary>
/// At each new sign-in (not a renewal of the session's cookie) the account's preferred language becomes the reader's:
/// remembered in the language cookie (<see cref="CultureRouting.Remember"/>), and the sign-in's redirect, when it
/// stays in the portal under the language prefix of the sign-in page (<c>/en/my</c>), is moved to the account's
/// (<c>/es/my</c>), so the portal opens in the user's language wherever they signed in from.
/// </summary>
public static class LanguageCookie
{
    public static void OnSigningIn(CookieSigningInContext context)
    {
        if (!PortalSessions.IsNewSignIn(context.Properties)
            || PortalCultures.Find(context.Principal?.FindFirst(PortalClaims.Language)?.Value) is not { } culture)
        {
            return;
        }

        CultureRouting.Remember(context.HttpContext, culture);
        var current = PortalCultures.Current;
        var from = context.Request.PathBase.Value ?? "";
        if (current == culture || !from.EndsWith("/" + current.Name, StringComparison.Ordinal))
        {
            return;
        }

        var to = from[..^current.Name.Length] + culture.Name;
        var response = context.Response;
        response.OnStarting(() =>
        {
            if (response.Headers.Location.ToString() is { Length: > 0 } location
                && (location == from || location.StartsWith(from + "/", StringComparison.Ordinal) || location.StartsWith(from + "?", StringComparison.Ordinal)))
            {
                response.Headers.Location = to + location[from.Length..];
            }

            return Task.CompletedTask;
        });
    }
}
