namespace CyberNormPortal.Domain.Entries;

/// <summary>A document an entry points to: a law, a strategy, a report.</summary>
public sealed class EntryReference
{
    private EntryReference()
    {
    }

    public EntryReference(string title, string url, ReferenceKind kind)
    {
        Title = title;
        Url = url;
        Kind = kind;
    }

    public string Title { get; private set; } = "";

    public string Url { get; private set; } = "";

    public ReferenceKind Kind { get; private set; }
}
