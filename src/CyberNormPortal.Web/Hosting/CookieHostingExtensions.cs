using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CyberNormPortal.Web.Hosting;

/// <summary>
/// Every cookie the portal sets is HttpOnly, SameSite=Lax and Path=/ with no Domain. Served for real (any environment
/// but Development and Testing, which run on plain HTTP) the cookies are also Secure and carry the <c>__Host-</c>
/// prefix, so the browser refuses them over HTTP and refuses a sibling subdomain planting one.
/// Lax, not Strict: a signed-in user who follows a link from a notification e-mail arrives signed in.
/// </summary>
public static class CookieHostingExtensions
{
    public const string HostPrefix = "__Host-";
    public const string SessionCookie = "portal.session";
    public const string AntiforgeryCookie = "portal.antiforgery";

    /// <summary>Configuration key: false only for a local stack served over plain http://localhost (docker-compose.yml).</summary>
    public const string HttpsOnlySetting = "Security:HttpsOnly";

    /// <summary>
    /// Whether cookies are sent over HTTPS only: everywhere but on a developer's machine and in tests, unless
    /// <see cref="HttpsOnlySetting"/> says otherwise. Behind a TLS-terminating proxy, forwarded headers must be
    /// configured (ForwardedHeaders:KnownProxies) so the portal sees the request as HTTPS.
    /// </summary>
    public static bool SecureCookies(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue<bool?>(HttpsOnlySetting) ?? (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"));

    public static IServiceCollection AddPortalCookies(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        var secure = SecureCookies(environment, configuration);
        void Harden(CookieBuilder cookie, string name)
        {
            cookie.Name = secure ? HostPrefix + name : name;
            cookie.HttpOnly = true;
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Path = "/";
            cookie.Domain = null;
        }

        services.ConfigureApplicationCookie(options => Harden(options.Cookie, SessionCookie));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => Harden(options.Cookie, "portal.two-factor"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options => Harden(options.Cookie, "portal.two-factor-remember"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, options => Harden(options.Cookie, "portal.external"));
        services.Configure<AntiforgeryOptions>(options => Harden(options.Cookie, AntiforgeryCookie));
        services.Configure<CookieTempDataProviderOptions>(options => Harden(options.Cookie, "portal.notice"));
        return services;
    }
}
