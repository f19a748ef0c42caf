namespace CyberNormPortal.Domain.Entries;

public enum ReferenceKind
{
    Legislation,
    Strategy,
    Report,
    OfficialStatement,
    Guidance,
    Website,
    Other,
}
