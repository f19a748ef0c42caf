using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>
/// The one way a page tells the user what their last action did ("saved", "submitted", "returned"): the handler
/// sets the already localised text before it redirects, and the layout shows it once on the next page.
/// </summary>
public static class Notices
{
    public const string Key = "portal.notice";

    /// <summary>Shows <paramref name="text"/> on the next page this user opens.</summary>
    public static void SetNotice(this ITempDataDictionary tempData, string text) => tempData[Key] = text;

    /// <summary>
    /// The notice waiting for this request, if any; reading it removes it. TempData is touched only when the request
    /// brings its cookie: once read, the cookie provider answers with a Set-Cookie (deleting the empty cookie), and the
    /// published-content cache stores no response that sets a cookie, so reading it on every page would cache nothing.
    /// </summary>
    public static string? TakeNotice(this ITempDataDictionary tempData, HttpContext http)
    {
        var cookie = http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name;
        var brought = cookie is not null && http.Request.Cookies.Keys.Any(k => k.StartsWith(cookie, StringComparison.Ordinal));
        return brought ? tempData[Key] as string : null;
    }
}
