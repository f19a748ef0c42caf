namespace CyberNormPortal.Domain.Entries;

/// <summary>One language version of an entry's text: its original, or one of its translations.</summary>
public sealed record EntryText(string Language, string Title, string Summary, string Body, bool IsOriginal)
{
    /// <summary>Every version of a text: the original first, then each translation.</summary>
    public static IReadOnlyList<EntryText> Versions(
        string language, string title, string summary, string body, IEnumerable<EntryTranslation>? translations) =>
        [new(language, title, summary, body, IsOriginal: true), .. (translations ?? []).Select(t => new EntryText(t.Language, t.Title, t.Summary, t.Body, IsOriginal: false))];
}
