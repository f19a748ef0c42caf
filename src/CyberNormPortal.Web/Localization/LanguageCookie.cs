using CyberNormPortal.Web.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CyberNormPortal.Web.Localization;

/// <summary>
/// Writes the cookie that remembers the reader's language (<see cref="PortalCultures.CookieName"/>, value the culture's
/// tag): when a signed-in user saves their preferred language, and at each new sign-in, so the portal opens in the
/// language of the account wherever it is signed in to. Not HttpOnly: it says nothing secret.
/// </summary>
public static class LanguageCookie
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public static void Write(HttpResponse response, PortalCulture culture) =>
        response.Cookies.Append(PortalCultures.CookieName, culture.Name, new CookieOptions
        {
            Path = "/",
            MaxAge = Lifetime,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            HttpOnly = false,
            IsEssential = true,
        });

    /// <summary>On a new sign-in (not a renewal of the session's cookie), the account's preferred language becomes the reader's.</summary>
    public static void OnSigningIn(CookieSigningInContext context)
    {
        if (PortalSessions.IsNewSignIn(context.Properties)
            && PortalCultures.Find(context.Principal?.FindFirst(PortalClaims.Language)?.Value) is { } culture)
        {
            Write(context.Response, culture);
        }
    }
}
