using System.Globalization;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Localization;

/// <summary>Names of the languages texts are written in.</summary>
public static class LanguageNames
{
    static LanguageNames() => Icu.Wrapper.Init();

    /// <summary>
    /// The language named in itself ("Español", "العربية"), as links to another language version show it: the
    /// portal's own names for its six languages, ICU's for any other; the tag itself when unknown.
    /// </summary>
    public static string Native(string tag)
    {
        if (PortalCultures.Find(tag) is { } culture)
        {
            return culture.NativeName;
        }

        try
        {
            var info = CultureInfo.GetCultureInfo(tag);
            return info.NativeName.Length > 0 ? char.ToUpper(info.NativeName[0], info) + info.NativeName[1..] : tag;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }

    /// <summary>
    /// The language named in the reader's language ("anglais" on a French page, "الإنجليزية" on an Arabic one), from
    /// CLDR through ICU, as State names are (<see cref="StateNames"/>); the tag itself when ICU does not know it.
    /// Capitalised as a label: CLDR writes French and Spanish language names in lower case.
    /// </summary>
    public static string InReadersLanguage(string tag) => Cache.GetOrAdd((tag, PortalCultures.Current.Name), key =>
    {
        var name = new Icu.Locale(key.Tag).GetDisplayName(new Icu.Locale(key.Reader));
        if (string.IsNullOrWhiteSpace(name) || name == key.Tag)
        {
            return key.Tag;
        }

        var culture = CultureInfo.GetCultureInfo(key.Reader);
        return char.ToUpper(name[0], culture) + name[1..];
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tag, string Reader), string> Cache = new();

    /// <summary>
    /// The note a text carries when it is shown in another language than the reader's (no version in theirs exists):
    /// "Original in English"; null when it is in the reader's language.
    /// </summary>
    public static string? OriginalNote(IStringLocalizer localizer, string language) =>
        LanguageVersions.SameLanguage(language, PortalCultures.Current.Name)
            ? null
            : localizer["Original in {0}", Labels.Language(language)].Value;
}
