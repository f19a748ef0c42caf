namespace CyberNormPortal.Domain.Entries;

/// <summary>What an author writes in one version of an entry.</summary>
public sealed record EntryContent(
    EntryKind Kind,
    string Title,
    string Summary,
    string Body,
    string Language,
    TlpLabel Visibility,
    IReadOnlyList<PracticeCategory> PracticeCategories,
    IReadOnlyList<EntryReference> References)
{
    /// <summary>The text in other languages than <see cref="Language"/>, at most one per language.</summary>
    public IReadOnlyList<EntryTranslation> Translations { get; init; } = [];
}
