using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;

namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>
/// The English text of each domain value, used as the key of its localized resource
/// (<c>L[Labels.Kind(kind)]</c>), so a translation is a resource file, not a code change.
/// </summary>
public static class Labels
{
    public static string Kind(EntryKind kind) => kind switch
    {
        EntryKind.ImplementationStep => "Implementation step",
        EntryKind.BestPractice => "Best practice",
        EntryKind.LessonLearned => "Lesson learned",
        EntryKind.Challenge => "Challenge",
    };

    public static string KindPlural(EntryKind kind) => kind switch
    {
        EntryKind.ImplementationStep => "Implementation steps",
        EntryKind.BestPractice => "Best practices",
        EntryKind.LessonLearned => "Lessons learned",
        EntryKind.Challenge => "Challenges",
    };

    public static string Category(PracticeCategory category) => category switch
    {
        PracticeCategory.LegislationAndRegulation => "Legislation and regulation",
        PracticeCategory.NationalStrategy => "National strategy",
        PracticeCategory.InstitutionsAndCerts => "Institutions and CERT/CSIRT",
        PracticeCategory.PublicPrivateCooperation => "Public–private cooperation",
        PracticeCategory.InternationalCooperationAndCbms => "International cooperation and confidence-building measures",
        PracticeCategory.CapacityBuilding => "Capacity building",
        PracticeCategory.IncidentResponseAndCrisisManagement => "Incident response and crisis management",
        PracticeCategory.StandardsAndCertification => "Standards and certification",
        PracticeCategory.Awareness => "Awareness",
        PracticeCategory.VulnerabilityDisclosure => "Vulnerability disclosure",
        PracticeCategory.ExportControls => "Export controls",
        PracticeCategory.HumanRightsSafeguards => "Human-rights safeguards",
    };

    public static string Region(RegionalGroup region) => region switch
    {
        RegionalGroup.African => "African States",
        RegionalGroup.AsiaPacific => "Asia-Pacific States",
        RegionalGroup.EasternEuropean => "Eastern European States",
        RegionalGroup.LatinAmericanAndCaribbean => "Latin American and Caribbean States",
        RegionalGroup.WesternEuropeanAndOthers => "Western European and other States",
    };

    public static string Reference(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Legislation => "Legislation",
        ReferenceKind.Strategy => "Strategy",
        ReferenceKind.Report => "Report",
        ReferenceKind.OfficialStatement => "Official statement",
        ReferenceKind.Guidance => "Guidance",
        ReferenceKind.Website => "Website",
        ReferenceKind.Other => "Other document",
    };

    public static string Status(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "Draft",
        EntryStatus.Submitted => "Submitted for review",
        EntryStatus.AwaitingModeration => "Awaiting moderation",
        EntryStatus.Published => "Published",
        EntryStatus.Withdrawn => "Withdrawn",
    };

    public static string Action(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "Submitted",
        WorkflowAction.Approve => "Approved",
        WorkflowAction.Return => "Returned",
        WorkflowAction.Publish => "Published",
        WorkflowAction.Withdraw => "Withdrawn",
    };

    public static string ActionButton(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "Submit for review",
        WorkflowAction.Approve => "Approve",
        WorkflowAction.Return => "Return with this reason",
        WorkflowAction.Publish => "Publish",
        WorkflowAction.Withdraw => "Withdraw with this reason",
    };

    /// <summary>Why the workflow refused a step, as the person who tried it reads it.</summary>
    public static string Refusal(WorkflowRefusal refusal) => refusal switch
    {
        WorkflowRefusal.NotInThisStatus => DomainMessages.StepNotPossibleNow,
        WorkflowRefusal.NotAPointOfContact => "Only a point of contact of the entry's own State can take this step.",
        WorkflowRefusal.NotAReviewer => DomainMessages.ReviewNotAnApprover,
        WorkflowRefusal.FourEyes => DomainMessages.FourEyes,
        WorkflowRefusal.NotAModerator => "Only a moderator can take this step.",
        WorkflowRefusal.NothingPublished => DomainMessages.NothingPublished,
        WorkflowRefusal.ReasonRequired => DomainMessages.ReasonRequired,
    };

    public static string Tlp(TlpLabel label) => label switch
    {
        TlpLabel.Clear => "TLP:CLEAR",
        TlpLabel.Green => "TLP:GREEN",
        TlpLabel.Amber => "TLP:AMBER",
    };

    public static string TlpExplanation(TlpLabel label) => label switch
    {
        TlpLabel.Clear => "Public",
        TlpLabel.Green => "Signed-in community only",
        TlpLabel.Amber => "The authoring State and moderators only",
    };

    public static string Participation(InitiativeParticipation participation) => participation switch
    {
        InitiativeParticipation.Member => "Initiative member",
        InitiativeParticipation.Partner => "Partner State",
    };

    public static string Checklist(Domain.Reports.ChecklistStatus status) => status switch
    {
        Domain.Reports.ChecklistStatus.NotStarted => "Not started",
        Domain.Reports.ChecklistStatus.InProgress => "In progress",
        Domain.Reports.ChecklistStatus.Implemented => "Implemented",
        Domain.Reports.ChecklistStatus.NotApplicable => "Not applicable",
    };

    /// <summary>A part's kind, also the default title of the four parts of a new questionnaire.</summary>
    public static string PartKind(Domain.Reports.PartKind kind) => kind switch
    {
        Domain.Reports.PartKind.InternationalLaw => "International law",
        Domain.Reports.PartKind.Norms => "Norms of responsible State behaviour",
        Domain.Reports.PartKind.ConfidenceBuilding => "Confidence-building measures",
        Domain.Reports.PartKind.CapacityBuilding => "Capacity-building",
        Domain.Reports.PartKind.Other => "Other",
    };

    public static string QuestionKind(Domain.Reports.QuestionKind kind) => kind switch
    {
        Domain.Reports.QuestionKind.SingleChoice => "Single choice",
        Domain.Reports.QuestionKind.MultipleChoice => "Multiple choice",
        Domain.Reports.QuestionKind.FreeText => "Free text",
        Domain.Reports.QuestionKind.YesNo => "Yes or no, with an explanation",
        Domain.Reports.QuestionKind.EntryLinks => "Links to published entries",
    };

    /// <summary>A report's status as its State's points of contact and the secretariat read it.</summary>
    public static string ReportStatus(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "Draft",
        EntryStatus.Submitted => "Waiting for sign-off",
        EntryStatus.AwaitingModeration => "Signed off, awaiting moderation",
        EntryStatus.Published => "Published",
        EntryStatus.Withdrawn => "Withdrawn",
    };

    public static string ReportActionButton(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "Submit for sign-off",
        WorkflowAction.Approve => "Sign off",
        WorkflowAction.Return => "Return with this reason",
        WorkflowAction.Publish => "Publish",
        WorkflowAction.Withdraw => "Withdraw with this reason",
    };

    /// <summary>A language's name in the reader's language (CLDR through ICU), or the tag itself when unknown.</summary>
    public static string Language(string tag) => Localization.LanguageNames.InReadersLanguage(tag);
}
