namespace CyberNormPortal.Web.Localization;

/// <summary>
/// The <c>lang</c> and <c>dir</c> of a block of text written in some language, so that an English entry inside an
/// Arabic page (or an Arabic entry inside an English one) reads correctly. Every view that renders entry text, a
/// lead statement or a snippet takes its attributes from here.
/// </summary>
public static class TextDirection
{
    /// <summary>Languages written right to left (their primary subtags), the portal's Arabic among them.</summary>
    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb",
    };

    /// <summary>The value of an HTML <c>dir</c> attribute for text in <paramref name="languageTag"/>: "rtl" or "ltr".</summary>
    public static string Direction(string? languageTag) =>
        languageTag is { Length: > 0 } && RightToLeft.Contains(languageTag.Split('-', '_')[0]) ? "rtl" : "ltr";
}
