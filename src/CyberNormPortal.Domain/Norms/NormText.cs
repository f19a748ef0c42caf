using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Norms;

/// <summary>
/// The official text of a norm in one of the UN's six languages, with the document it was taken from. The English is
/// seeded; a moderator enters the others from the official language versions of A/70/174. A language without a row
/// has no official text here yet — never a translation standing in for one.
/// </summary>
public sealed class NormText
{
    public const int MaxTextLength = 2000;
    public const int MaxSourceLength = 300;

    private NormText()
    {
    }

    public NormText(int normNumber, string language, string text, string source, string? enteredBy, DateTimeOffset enteredAt)
    {
        if (!Norm.IsValidNumber(normNumber))
        {
            throw new DomainException($"A norm number runs from 1 to {Norm.Count}; {normNumber} is not one.");
        }

        NormNumber = normNumber;
        Language = language;
        Replace(text, source, enteredBy, enteredAt);
    }

    public int NormNumber { get; private set; }

    /// <summary>The language's tag: ar, zh, en, fr, ru or es.</summary>
    public string Language { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>Where the text is from, e.g. "A/70/174, para. 13 (a)".</summary>
    public string Source { get; private set; } = "";

    /// <summary>The id of the moderator who entered it; null for seeded reference data.</summary>
    public string? EnteredBy { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    /// <summary>Puts another official text in place of this one; returns whether anything changed.</summary>
    public bool Replace(string text, string source, string? enteredBy, DateTimeOffset enteredAt)
    {
        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(source))
        {
            throw new DomainException("An official text needs its text and its source.");
        }

        if (Text == text && Source == source)
        {
            return false;
        }

        Text = text;
        Source = source;
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
        return true;
    }
}
