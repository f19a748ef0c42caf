namespace CyberNormPortal.Domain.States;

/// <summary>A UN member State, keyed by its ISO 3166-1 alpha-3 code.</summary>
public sealed class State
{
    private State()
    {
    }

    public State(string iso3, string name, RegionalGroup regionalGroup)
    {
        Iso3 = NormaliseIso3(iso3);
        Name = name;
        RegionalGroup = regionalGroup;
    }

    public string Iso3 { get; private set; } = "";

    public string Name { get; private set; } = "";

    public RegionalGroup RegionalGroup { get; private set; }

    public InitiativeParticipation Participation { get; private set; } = InitiativeParticipation.Partner;

    public static string NormaliseIso3(string iso3) => iso3.Trim().ToUpperInvariant();

    public static bool LooksLikeIso3(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetter);

    public bool Update(string name, RegionalGroup regionalGroup)
    {
        if (Name == name && RegionalGroup == regionalGroup)
        {
            return false;
        }

        Name = name;
        RegionalGroup = regionalGroup;
        return true;
    }

    public bool SetParticipation(InitiativeParticipation participation)
    {
        if (Participation == participation)
        {
            return false;
        }

        Participation = participation;
        return true;
    }
}
