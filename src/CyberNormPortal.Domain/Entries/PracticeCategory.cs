namespace CyberNormPortal.Domain.Entries;

/// <summary>What kind of practice an entry reports; an entry has one or more.</summary>
public enum PracticeCategory
{
    LegislationAndRegulation,
    NationalStrategy,
    InstitutionsAndCerts,
    PublicPrivateCooperation,
    InternationalCooperationAndCbms,
    CapacityBuilding,
    IncidentResponseAndCrisisManagement,
    StandardsAndCertification,
    Awareness,
    VulnerabilityDisclosure,
    ExportControls,
    HumanRightsSafeguards,
}
