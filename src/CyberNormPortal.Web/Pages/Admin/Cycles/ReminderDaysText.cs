using System.Globalization;

namespace CyberNormPortal.Web.Pages.Admin.Cycles;

/// <summary>The cycle form's reminder days as typed ("30, 7, 1"): the one parser and the one way of writing them.</summary>
public static class ReminderDaysText
{
    /// <summary>The whole numbers separated by commas, or null when a piece is not one. Blank means none.</summary>
    public static IReadOnlyList<int>? Parse(string? text)
    {
        var days = new List<int>();
        foreach (var piece in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(piece, NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            {
                return null;
            }

            days.Add(day);
        }

        return days;
    }

    public static string Format(IEnumerable<int> days) => string.Join(", ", days.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}
