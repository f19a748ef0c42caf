using System.Globalization;
using CyberNormPortal.Web.Validation;

namespace CyberNormPortal.Web.Filters;

/// <summary>
/// Reads parameters of one query string and notes what is wrong with them. A parameter is absent when blank; given
/// twice with different values, or with control characters (<see cref="TypedText"/>), it is a problem and left out.
/// </summary>
public sealed class QueryValues(IQueryCollection query)
{
    private readonly List<InputProblem> _problems = [];

    public IReadOnlyList<InputProblem> Problems => _problems;

    public void Add(string parameter, string messageKey, params object[] arguments) =>
        _problems.Add(new InputProblem(parameter, messageKey, arguments));

    public void AddRange(IEnumerable<InputProblem> problems) => _problems.AddRange(problems);

    /// <summary>The parameter's one value, trimmed; null when absent, blank or refused.</summary>
    public string? Single(string name)
    {
        var values = query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            Add(name, FilterMessages.OneValueOnly, values.Count);
            return null;
        }

        return Typed(name, values[0]);
    }

    /// <summary>Every value of the parameter, each split at commas, trimmed, blanks left out.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var values = query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (values.Any(TypedText.HasControlCharacters))
        {
            Add(name, FilterMessages.ControlCharacters);
            return [.. values.Where(v => !TypedText.HasControlCharacters(v))];
        }

        return values;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Number(string name, int min, int max, string messageKey)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Add(name, messageKey, Echo(text), min, max);
        return null;
    }

    /// <summary>A value of <typeparamref name="TEnum"/> by its name, in any letter case (<c>BestPractice</c>, <c>bestPractice</c>).</summary>
    public TEnum? Choice<TEnum>(string name, string messageKey)
        where TEnum : struct, Enum
    {
        if (Single(name) is not { } text)
        {
            return null;
        }

        if (ChoiceOf<TEnum>(text) is { } value)
        {
            return value;
        }

        Add(name, messageKey, Echo(text));
        return null;
    }

    /// <summary>The parameter as one of the portal's six languages (<see cref="Localization.PortalCultures"/>); null when absent or unknown.</summary>
    public string? PortalLanguage(string name) =>
        OneOf(name, [.. Localization.PortalCultures.All.Select(c => c.Name)], FilterMessages.Version);

    /// <summary>One of <paramref name="allowed"/>, in any letter case; returned as the list spells it.</summary>
    public string? OneOf(string name, IReadOnlyList<string> allowed, string messageKey)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }

        if (allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } value)
        {
            return value;
        }

        Add(name, messageKey, Echo(text));
        return null;
    }

    public static TEnum? ChoiceOf<TEnum>(string text)
        where TEnum : struct, Enum =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;

    /// <summary>A refused value as a message repeats it: cut to <see cref="FilterLimits.EchoedLength"/>.</summary>
    public static string Echo(string text) => text.Length > FilterLimits.EchoedLength ? text[..FilterLimits.EchoedLength] + "…" : text;

    private string? Typed(string name, string value)
    {
        if (TypedText.HasControlCharacters(value))
        {
            Add(name, FilterMessages.ControlCharacters);
            return null;
        }

        return value;
    }
}
