namespace CyberNormPortal.Domain.States;

/// <summary>The five United Nations regional groups. Each State sits in exactly one here.</summary>
public enum RegionalGroup
{
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
}
