using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Localization;

/// <summary>
/// Dates, numbers and lists as a reader of the current culture writes them: "5 March 2026", "5 mars 2026",
/// "2026年3月5日", "5 марта 2026 г.". The one place a page or an export formats a value for people; machine
/// formats (ISO dates in CSV, JSON and Atom, <c>datetime</c> attributes) stay invariant where they are written.
/// </summary>
public static partial class Formats
{
    /// <summary>The key of the pattern that joins two items of a list ("{0}, {1}"; "{0}、{1}" in Chinese).</summary>
    public const string ListPair = "{0}, {1}";

    private static readonly Dictionary<string, Style> Styles = PortalCultures.All.ToDictionary(c => c.Name, c => Style.Of(c));

    /// <summary>A day, without the weekday: the culture's long date ("5 March 2026").</summary>
    public static string Date(DateTimeOffset value) => Date(DateOnly.FromDateTime(value.UtcDateTime));

    public static string Date(DateOnly value)
    {
        var style = Current;
        return value.ToString(style.Date, style.Culture);
    }

    /// <summary>The time of day in UTC, as the culture writes it ("14:07"; "2:07 م" in Arabic).</summary>
    public static string Time(DateTimeOffset value)
    {
        var style = Current;
        return value.UtcDateTime.ToString(style.Time, style.Culture);
    }

    /// <summary>A moment, in UTC as the portal keeps it: "5 March 2026 14:07 UTC".</summary>
    public static string DateTime(DateTimeOffset value) => $"{Date(value)} {Time(value)} UTC";

    /// <summary>A whole number with the culture's grouping ("12,345", "12 345", "12.345").</summary>
    public static string Number(long value) => value.ToString("N0", Current.Culture);

    /// <summary>Items joined by the culture's list separator (<see cref="ListPair"/>, a resource key).</summary>
    public static string List(IStringLocalizer localizer, IEnumerable<string> items) =>
        items.Aggregate((string?)null, (joined, item) => joined is null ? item : localizer[ListPair, joined, item]) ?? "";

    private static Style Current => Styles[PortalCultures.Current.Name];

    /// <summary>
    /// How one portal culture writes dates. English is the UN's British English ("5 March 2026"), not .NET's
    /// US default ("March 5, 2026"); every other culture uses its own long date with the weekday left out.
    /// </summary>
    private sealed record Style(CultureInfo Culture, string Date, string Time)
    {
        public static Style Of(PortalCulture portal)
        {
            var culture = portal.Name == PortalCultures.DefaultName ? CultureInfo.GetCultureInfo("en-GB") : portal.Culture;
            var date = Weekday().Replace(culture.DateTimeFormat.LongDatePattern, " ").Trim();
            return new Style(culture, date, culture.DateTimeFormat.ShortTimePattern);
        }
    }

    [GeneratedRegex(@"[\s,،]*dddd[\s,،]*")]
    private static partial Regex Weekday();
}
