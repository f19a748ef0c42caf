namespace CyberNormPortal.Domain.Synthesis;

/// <summary>A lead statement in one language.</summary>
public sealed class StatementTranslation
{
    private StatementTranslation()
    {
    }

    public StatementTranslation(string language, string text)
    {
        Language = language;
        Text = text;
    }

    public string Language { get; private set; } = "";

    public string Text { get; private set; } = "";
}
