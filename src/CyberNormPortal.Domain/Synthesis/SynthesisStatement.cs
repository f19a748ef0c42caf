using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;

namespace CyberNormPortal.Domain.Synthesis;

/// <summary>
/// The curated lead paragraph a moderator writes for one norm in one scope (group and cycle),
/// such as "G7 countries have taken a number of steps to …".
/// </summary>
public sealed class SynthesisStatement
{
    private SynthesisStatement()
    {
    }

    public SynthesisStatement(int normNumber, int? groupId, int? cycleId, string text, DateTimeOffset updatedAt, string language = "en")
    {
        NormNumber = normNumber;
        GroupId = groupId;
        CycleId = cycleId;
        Text = text;
        Language = language;
        UpdatedAt = updatedAt;
    }

    public int Id { get; private set; }

    public int NormNumber { get; private set; }

    /// <summary>The group the statement speaks for; null for all States.</summary>
    public int? GroupId { get; private set; }

    /// <summary>The cycle it sums up; null for all cycles.</summary>
    public int? CycleId { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>BCP 47 language tag of <see cref="Text"/>, the statement as it was written.</summary>
    public string Language { get; private set; } = "en";

    /// <summary>The statement in other languages, at most one per language.</summary>
    public List<StatementTranslation> Translations { get; private set; } = [];

    /// <summary>The statement in <paramref name="language"/> where it exists, otherwise the original (<see cref="LanguageVersions"/>).</summary>
    public StatementTranslation TextIn(string? language) =>
        LanguageVersions.Pick([new StatementTranslation(Language, Text), .. Translations], t => t.Language, language);

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool UpdateText(string text, DateTimeOffset updatedAt)
    {
        if (Text == text)
        {
            return false;
        }

        Text = text;
        UpdatedAt = updatedAt;
        return true;
    }

    /// <summary>Sets (or, with blank text, removes) the statement's version in <paramref name="language"/>.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool SetTranslation(string language, string? text, DateTimeOffset updatedAt)
    {
        if (LanguageVersions.SameLanguage(language, Language))
        {
            throw new DomainException("A translation must be in another language than the original.");
        }

        var existing = Translations.FindIndex(t => LanguageVersions.SameLanguage(t.Language, language));
        if (string.IsNullOrWhiteSpace(text))
        {
            if (existing < 0)
            {
                return false;
            }

            Translations.RemoveAt(existing);
        }
        else if (existing >= 0 && Translations[existing].Text == text)
        {
            return false;
        }
        else if (existing >= 0)
        {
            Translations[existing] = new StatementTranslation(language, text);
        }
        else
        {
            Translations.Add(new StatementTranslation(language, text));
        }

        UpdatedAt = updatedAt;
        return true;
    }
}
