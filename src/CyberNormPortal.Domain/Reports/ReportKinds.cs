namespace CyberNormPortal.Domain.Reports;

/// <summary>What a part of a questionnaire is about; the four of the UNIDIR National Survey, or another.</summary>
public enum PartKind
{
    InternationalLaw,
    Norms,
    ConfidenceBuilding,
    CapacityBuilding,
    Other,
}

/// <summary>How a question is answered. No question is mandatory.</summary>
public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    FreeText,

    /// <summary>Yes or no, with an explanation.</summary>
    YesNo,

    /// <summary>Links to the State's published entries.</summary>
    EntryLinks,
}

/// <summary>Where a State stands on one practical action of the checklist.</summary>
public enum ChecklistStatus
{
    NotStarted,
    InProgress,
    Implemented,
    NotApplicable,
}
