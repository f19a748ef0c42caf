using System.Globalization;
using System.Text.RegularExpressions;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Mail;

/// <summary>A rendered message: what goes into the queue, with the language it is written in.</summary>
public sealed record MailText(string Subject, string Body, string Language);

/// <summary>
/// The texts of every message, read from Resources/MailResource.resx: a template "X" is the pair "X.Subject" and
/// "X.Body", with placeholders by name (<c>{title}</c>), so a translation may put them in any order. The culture is
/// always given, never taken from the request: a message is written in its recipient's language
/// (<see cref="CultureOf"/>), whoever's request caused it.
/// </summary>
public sealed partial class MailTemplates(IStringLocalizer<MailResource> localizer)
{
    /// <summary>The language of a message whose recipient has no known language.</summary>
    public static CultureInfo DefaultCulture => PortalCultures.Default.Culture;

    /// <summary>The language <paramref name="user"/> reads mail in: their preferred language, English when none or unknown.</summary>
    public static CultureInfo CultureOf(PortalUser user) => PortalCultures.OrDefault(user.PreferredLanguage).Culture;

    /// <summary>Subject and body of <paramref name="template"/> in <paramref name="culture"/>.</summary>
    public MailText Render(string template, CultureInfo culture, params (string Name, string Value)[] values) =>
        new(Text($"{template}.Subject", culture, values), Text($"{template}.Body", culture, values), PortalCultures.OrDefault(culture.Name).Name);

    /// <summary>One text of the templates (a subject, a body or a phrase used in one) with its placeholders filled.</summary>
    public string Text(string key, CultureInfo culture, params (string Name, string Value)[] values)
    {
        var format = Lookup(key, culture);
        return Placeholder().Replace(format, match =>
        {
            var name = match.Groups[1].Value;
            foreach (var (candidate, value) in values)
            {
                if (candidate == name)
                {
                    return value;
                }
            }

            throw new InvalidOperationException($"Mail template {key} has a placeholder {{{name}}} that nobody fills.");
        });
    }

    /// <summary>A lifetime in words ("7 days", "2 hours"), in the largest whole unit.</summary>
    public string Lifetime(TimeSpan lifetime, CultureInfo culture)
    {
        var (key, count) = lifetime.TotalDays >= 1 && lifetime.TotalDays % 1 == 0 ? ("Lifetime.Days", lifetime.TotalDays)
            : lifetime.TotalHours >= 1 && lifetime.TotalHours % 1 == 0 ? ("Lifetime.Hours", lifetime.TotalHours)
            : ("Lifetime.Minutes", Math.Ceiling(lifetime.TotalMinutes));
        return Text(key, culture, ("count", count.ToString(culture)));
    }

    private string Lookup(string key, CultureInfo culture)
    {
        // The localizer reads the current UI culture: set it for this lookup only.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var text = localizer[key];
            return text.ResourceNotFound
                ? throw new InvalidOperationException($"Mail template {key} is missing from Resources/MailResource.resx.")
                : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
