using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>
/// The one way a page tells the user what their last action did ("saved", "submitted", "returned"): the handler
/// sets the already localised text before it redirects, and the layout shows it once on the next page.
/// Notices travel in the TempData cookie, so only a request that carries it has one.
/// </summary>
public static class Notices
{
    public const string Key = "portal.notice";

    /// <summary>Shows <paramref name="text"/> on the next page this user opens.</summary>
    public static void SetNotice(this ITempDataDictionary tempData, string text) => tempData[Key] = text;

    /// <summary>
    /// Whether this request may carry a notice. Pages that anonymous readers share are neither looked up in nor
    /// stored into the cache for such a request (Caching/PublishedContentCache.cs): the notice is this user's alone.
    /// </summary>
    public static bool MayBePending(HttpContext context) =>
        context.Request.Cookies.ContainsKey(context.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!);

    /// <summary>
    /// The notice waiting for this request, if any; reading it removes it. Without the TempData cookie TempData is
    /// not touched at all: loading it would answer with a cookie deletion, which makes every page uncacheable.
    /// </summary>
    public static string? TakeNotice(this ITempDataDictionary tempData, HttpContext context)
    {
        if (!MayBePending(context) || tempData[Key] is not string notice)
        {
            return null;
        }

        if (context.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }

        return notice;
    }
}
