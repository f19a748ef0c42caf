namespace CyberNormPortal.Domain.Entries;

/// <summary>
/// The title, summary and body of an entry in a language other than its original one. Saved with a revision, so a
/// translation is drafted, reviewed and published together with the text it translates.
/// </summary>
public sealed class EntryTranslation
{
    private EntryTranslation()
    {
    }

    public EntryTranslation(string language, string title, string summary, string body)
    {
        Language = language;
        Title = title;
        Summary = summary;
        Body = body;
    }

    /// <summary>BCP 47 language tag of the translation, e.g. "es".</summary>
    public string Language { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>One paragraph of plain text.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Markdown; rendered sanitised.</summary>
    public string Body { get; private set; } = "";
}
