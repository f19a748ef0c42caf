using CyberNormPortal.Domain.Common;

namespace CyberNormPortal.Domain.Norms;

/// <summary>
/// One of the eleven voluntary, non-binding norms of responsible State behaviour
/// (2015 UN GGE report A/70/174, paragraph 13 (a)–(k)). Fixed reference data.
/// </summary>
public sealed class Norm
{
    public const int Count = 11;

    private Norm()
    {
    }

    public Norm(int number, string shortTitle, string fullText, string sourceDocument)
    {
        if (number is < 1 or > Count)
        {
            throw new DomainException($"A norm number runs from 1 to {Count}; {number} is not one.");
        }

        Number = number;
        ShortTitle = shortTitle;
        FullText = fullText;
        SourceDocument = sourceDocument;
    }

    /// <summary>The numbering of the G7 synthesis, 1–11; also the key.</summary>
    public int Number { get; private set; }

    /// <summary>"13(a)" … "13(k)": the paragraph of A/70/174.</summary>
    public string GgeReference => GgeReferenceFor(Number);

    public string ShortTitle { get; private set; } = "";

    public string FullText { get; private set; } = "";

    public string SourceDocument { get; private set; } = "";

    public static string GgeReferenceFor(int number) => $"13({(char)('a' + number - 1)})";

    public static bool IsValidNumber(int number) => number is >= 1 and <= Count;

    /// <summary>Brings reference data in line with its source; returns whether anything changed.</summary>
    public bool UpdateText(string shortTitle, string fullText, string sourceDocument)
    {
        if (ShortTitle == shortTitle && FullText == fullText && SourceDocument == sourceDocument)
        {
            return false;
        }

        ShortTitle = shortTitle;
        FullText = fullText;
        SourceDocument = sourceDocument;
        return true;
    }
}
