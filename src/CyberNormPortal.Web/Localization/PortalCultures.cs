using System.Globalization;

namespace CyberNormPortal.Web.Localization;

/// <summary>One of the portal's languages: its tag (the URL prefix), its name in itself and its direction.</summary>
public sealed record PortalCulture(string Name, string NativeName, bool RightToLeft)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Name);

    /// <summary>The value of an HTML <c>dir</c> attribute.</summary>
    public string Direction => RightToLeft ? "rtl" : "ltr";
}

/// <summary>
/// The six official languages of the United Nations, in the UN's order: the only cultures the portal serves, the
/// prefixes of its URLs (<c>/fr/norms/3</c>), the languages an account may prefer and mail is written in.
/// </summary>
public static class PortalCultures
{
    public const string DefaultName = "en";

    /// <summary>Remembers the reader's last chosen language (set when a prefixed page is visited).</summary>
    public const string CookieName = ".CyberNormPortal.Language";

    public static readonly IReadOnlyList<PortalCulture> All =
    [
        new("ar", "العربية", RightToLeft: true),
        new("zh", "中文", RightToLeft: false),
        new("en", "English", RightToLeft: false),
        new("fr", "Français", RightToLeft: false),
        new("ru", "Русский", RightToLeft: false),
        new("es", "Español", RightToLeft: false),
    ];

    public static PortalCulture Default { get; } = All.Single(c => c.Name == DefaultName);

    /// <summary>The portal culture of a tag ("fr", "FR", "fr-CA" → fr), or null when it is none of the six.</summary>
    public static PortalCulture? Find(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var language = tag.Split('-', '_')[0];
        return All.FirstOrDefault(c => string.Equals(c.Name, language, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsSupported(string? tag) => Find(tag) is not null;

    /// <summary>The portal culture of the current request (set by the culture middleware), English by default.</summary>
    public static PortalCulture Current => Find(CultureInfo.CurrentUICulture.Name) ?? Default;

    /// <summary>The culture of a stored preference, English when none or unknown.</summary>
    public static PortalCulture OrDefault(string? tag) => Find(tag) ?? Default;
}
