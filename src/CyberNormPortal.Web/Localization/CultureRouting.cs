using System.Globalization;
using CyberNormPortal.Web.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace CyberNormPortal.Web.Localization;

/// <summary>
/// The culture of a request, from its URL (docs/decisions/0012): <c>/fr/norms/3</c> is the norm page in French, so a
/// link shared in French opens in French. The prefix becomes the request's path base, so the pages, their routes and
/// every link they generate (<c>~/</c>, tag helpers, redirects, the sign-in return address) stay within it without
/// knowing it. A path without a prefix is served in the language the reader last chose (the cookie), else the first
/// of the six their browser accepts, else English; the home page <c>/</c> then redirects to its prefixed address, so
/// everything reached from it carries the language. Visiting a prefixed page remembers its language in the cookie.
/// </summary>
public static class CultureRouting
{
    /// <summary>How long the language choice is remembered.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static WebApplication UsePortalCultures(this WebApplication app)
    {
        var secure = CookieHostingExtensions.SecureCookies(app.Environment, app.Configuration);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var culture = Strip(request);
            if (culture is null)
            {
                culture = Chosen(request) ?? Accepted(request) ?? PortalCultures.Default;
                context.Response.Headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
                if (request.Path == "/" && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
                {
                    context.Response.Redirect($"{request.PathBase}/{culture.Name}/{request.QueryString}");
                    return;
                }
            }
            else if (Chosen(request)?.Name != culture.Name)
            {
                WriteCookie(context.Response, culture, secure);
            }

            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.Culture;
            context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture.Culture), provider: null));
            context.Response.Headers.ContentLanguage = culture.Name;
            await next(context);
        });
        return app;
    }

    /// <summary>Remembers <paramref name="culture"/> as the reader's language (also on sign-in and on the account page).</summary>
    public static void Remember(HttpContext context, PortalCulture culture) =>
        WriteCookie(context.Response, culture, CookieHostingExtensions.SecureCookies(
            context.RequestServices.GetRequiredService<IHostEnvironment>(), context.RequestServices.GetRequiredService<IConfiguration>()));

    /// <summary>
    /// The address of the current page in <paramref name="culture"/>: same path, same query. On an error or status
    /// page, the address that was asked for.
    /// </summary>
    public static string AddressIn(HttpContext context, PortalCulture culture) =>
        $"{RootPathBase(context)}/{culture.Name}{PagePath(context)}";

    /// <summary>The address of the current page without a language: served in the reader's own (hreflang x-default).</summary>
    public static string NeutralAddress(HttpContext context) => $"{RootPathBase(context)}{PagePath(context)}";

    /// <summary>Path and query of the page as asked for, without the language prefix.</summary>
    private static string PagePath(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path;
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is { } status)
        {
            path = status.OriginalPath;
            return path + (status.OriginalQueryString ?? "");
        }

        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is { } error)
        {
            path = error.Path;
        }

        return (path == "/" ? "/" : path.Value) + request.QueryString;
    }

    /// <summary>The path base the portal is mounted at, without the language prefix.</summary>
    public static string RootPathBase(HttpContext context)
    {
        var pathBase = context.Request.PathBase.Value ?? "";
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name;
        return culture is not null && pathBase.EndsWith("/" + culture, StringComparison.Ordinal)
            ? pathBase[..^(culture.Length + 1)]
            : pathBase;
    }

    /// <summary>Moves a leading <c>/fr</c> (any of the six) from the path to the path base; the culture it named.</summary>
    private static PortalCulture? Strip(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        foreach (var candidate in PortalCultures.All)
        {
            var prefix = "/" + candidate.Name;
            if (path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] == '/'))
            {
                request.PathBase = request.PathBase.Add(prefix);
                request.Path = path.Length == prefix.Length ? "/" : path[prefix.Length..];
                return candidate;
            }
        }

        return null;
    }

    private static PortalCulture? Chosen(HttpRequest request) =>
        request.Cookies.TryGetValue(PortalCultures.CookieName, out var value) ? PortalCultures.Find(value) : null;

    /// <summary>The first of the six the browser accepts, by its quality order.</summary>
    private static PortalCulture? Accepted(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        return accepted
            .Where(language => language.Quality is not 0)
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => PortalCultures.Find(language.Value.Value))
            .FirstOrDefault(culture => culture is not null);
    }

    private static void WriteCookie(HttpResponse response, PortalCulture culture, bool secure) =>
        response.Cookies.Append(PortalCultures.CookieName, culture.Name, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            Secure = secure,
            IsEssential = true,
            MaxAge = CookieLifetime,
        });
}
