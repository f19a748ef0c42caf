using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Synthesis;

namespace CyberNormPortal.Domain.Tests.Synthesis;

public sealed class SynthesisStatementTests
{
    private static readonly DateTimeOffset Then = new(2019, 8, 26, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TextIn_ALanguageWithAVersion_IsThatVersion_OtherwiseTheOriginal()
    {
        var statement = new SynthesisStatement(3, 7, 1, "G7 countries have taken steps.", Then);

        Assert.True(statement.SetTranslation("fr", "Les pays du G7 ont pris des mesures.", Now));

        Assert.Equal("fr", statement.TextIn("fr").Language);
        Assert.Equal("Les pays du G7 ont pris des mesures.", statement.TextIn("fr").Text);
        Assert.Equal("en", statement.TextIn("ru").Language);
        Assert.Equal(Now, statement.UpdatedAt);
    }

    [Fact]
    public void SetTranslation_Blank_RemovesIt_AndTheSameTextChangesNothing()
    {
        var statement = new SynthesisStatement(3, 7, 1, "G7 countries have taken steps.", Then);
        statement.SetTranslation("es", "Los países del G7 han tomado medidas.", Then);

        Assert.False(statement.SetTranslation("es", "Los países del G7 han tomado medidas.", Now));
        Assert.True(statement.SetTranslation("es", " ", Now));

        Assert.Empty(statement.Translations);
    }

    [Fact]
    public void SetTranslation_InTheOriginalLanguage_IsRefused()
    {
        var statement = new SynthesisStatement(3, 7, 1, "G7 countries have taken steps.", Then);

        Assert.Throws<DomainException>(() => statement.SetTranslation("en", "Other text", Now));
    }
}
