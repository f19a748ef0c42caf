using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Entries;

/// <summary>One saved version of an entry, kept forever.</summary>
public sealed class Revision
{
    private Revision()
    {
    }

    internal Revision(int number, EntryContent content, DateTimeOffset savedAt, string? savedByUserId, string savedByName)
    {
        Number = number;
        Kind = content.Kind;
        Title = content.Title;
        Summary = content.Summary;
        Body = content.Body;
        Language = content.Language;
        Visibility = content.Visibility;
        PracticeCategories = [.. content.PracticeCategories.Distinct()];
        References = [.. content.References];
        Translations = [.. CheckedTranslations(content)];
        SavedAt = savedAt;
        SavedByUserId = savedByUserId;
        SavedByName = savedByName;
    }

    public int Id { get; private set; }

    public int EntryId { get; private set; }

    /// <summary>1, 2, 3 … within the entry.</summary>
    public int Number { get; private set; }

    public EntryKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>One paragraph of plain text.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Markdown; rendered sanitised.</summary>
    public string Body { get; private set; } = "";

    /// <summary>BCP 47 language tag of the text, e.g. "en".</summary>
    public string Language { get; private set; } = "en";

    public TlpLabel Visibility { get; private set; }

    public List<PracticeCategory> PracticeCategories { get; private set; } = [];

    public List<EntryReference> References { get; private set; } = [];

    /// <summary>The title, summary and body in other languages, at most one per language and never the original's.</summary>
    public List<EntryTranslation> Translations { get; private set; } = [];

    /// <summary>Every language the text is written in: the original first, then its translations.</summary>
    public IReadOnlyList<string> Languages => [Language, .. Translations.Select(t => t.Language)];

    public DateTimeOffset SavedAt { get; private set; }

    /// <summary>The account that saved it; null for imported reference data.</summary>
    public string? SavedByUserId { get; private set; }

    public string SavedByName { get; private set; } = "";

    /// <summary>The original text, then each translation.</summary>
    public IReadOnlyList<EntryText> Texts => EntryText.Versions(Language, Title, Summary, Body, Translations);

    /// <summary>The text in <paramref name="language"/> where it exists, otherwise the original (<see cref="LanguageVersions"/>).</summary>
    public EntryText TextIn(string? language) => LanguageVersions.Pick(Texts, t => t.Language, language);

    public EntryContent ToContent() =>
        new(Kind, Title, Summary, Body, Language, Visibility, PracticeCategories, References) { Translations = Translations };

    private static IEnumerable<EntryTranslation> CheckedTranslations(EntryContent content)
    {
        var languages = new List<string> { content.Language };
        foreach (var translation in content.Translations)
        {
            if (string.IsNullOrWhiteSpace(translation.Language))
            {
                throw new DomainException("A translation needs its language.");
            }

            if (languages.Any(l => LanguageVersions.SameLanguage(l, translation.Language)))
            {
                throw new DomainException(LanguageVersions.SameLanguage(content.Language, translation.Language)
                    ? "A translation must be in another language than the original."
                    : "An entry has at most one translation in each language.");
            }

            languages.Add(translation.Language);
            yield return translation;
        }
    }
}
