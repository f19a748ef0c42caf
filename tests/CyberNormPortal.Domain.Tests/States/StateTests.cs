using CyberNormPortal.Domain.States;

namespace CyberNormPortal.Domain.Tests.States;

public sealed class StateTests
{
    [Theory]
    [InlineData("fra", "FRA")]
    [InlineData(" Ken ", "KEN")]
    public void Iso3_IsStoredUpperCaseAndTrimmed(string given, string stored)
    {
        Assert.Equal(stored, new State(given, "Name", RegionalGroup.African).Iso3);
    }

    [Theory]
    [InlineData("FRA", true)]
    [InlineData("fra", true)]
    [InlineData("FR", false)]
    [InlineData("FRAN", false)]
    [InlineData("F1A", false)]
    [InlineData("<s>", false)]
    [InlineData(null, false)]
    public void LooksLikeIso3_AcceptsOnlyThreeLetters(string? code, bool expected)
    {
        Assert.Equal(expected, State.LooksLikeIso3(code));
    }

    [Fact]
    public void NewState_IsAPartnerUntilMadeAMember()
    {
        var state = new State("KEN", "Kenya", RegionalGroup.African);

        Assert.Equal(InitiativeParticipation.Partner, state.Participation);
        Assert.True(state.SetParticipation(InitiativeParticipation.Member));
        Assert.False(state.SetParticipation(InitiativeParticipation.Member));
    }
}
