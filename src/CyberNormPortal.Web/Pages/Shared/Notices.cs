using Microsoft.AspNetCore.Mvc.ViewFeatures;

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

    /// <summary>The notice waiting for this request, if any; reading it removes it.</summary>
    public static string? TakeNotice(this ITempDataDictionary tempData) => tempData[Key] as string;
}
