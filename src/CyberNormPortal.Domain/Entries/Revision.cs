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

    public DateTimeOffset SavedAt { get; private set; }

    /// <summary>The account that saved it; null for imported reference data.</summary>
    public string? SavedByUserId { get; private set; }

    public string SavedByName { get; private set; } = "";

    public EntryContent ToContent() =>
        new(Kind, Title, Summary, Body, Language, Visibility, PracticeCategories, References);
}
