namespace CyberNormPortal.Domain.Entries;

/// <summary>
/// Which of a text's language versions a reader sees: the one in their language where it exists, otherwise the
/// original. The one rule for entries, their listings and synthesis lead statements alike.
/// </summary>
public static class LanguageVersions
{
    /// <summary>
    /// The version of <paramref name="versions"/> (the original first, then its translations) written in
    /// <paramref name="wanted"/>, or the original when there is none.
    /// </summary>
    public static T Pick<T>(IReadOnlyList<T> versions, Func<T, string> languageOf, string? wanted)
    {
        if (versions.Count == 0)
        {
            throw new ArgumentException("A text has at least its original version.", nameof(versions));
        }

        return string.IsNullOrEmpty(wanted)
            ? versions[0]
            : versions.FirstOrDefault(v => SameLanguage(languageOf(v), wanted)) ?? versions[0];
    }

    /// <summary>Whether two language tags name the same language ("es", "ES", "es-CL").</summary>
    public static bool SameLanguage(string a, string b) =>
        string.Equals(Primary(a), Primary(b), StringComparison.OrdinalIgnoreCase);

    private static string Primary(string tag) => tag.Split('-', '_')[0];
}
