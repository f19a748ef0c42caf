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
    public static string KindOfHelp(Domain.Capacity.KindOfHelp kind) => kind switch
    {
        Domain.Capacity.KindOfHelp.Training => "Training",
        Domain.Capacity.KindOfHelp.TechnicalAssistance => "Technical assistance",
        Domain.Capacity.KindOfHelp.LegislativeDrafting => "Legislative drafting",
        Domain.Capacity.KindOfHelp.Exercises => "Exercises",
        Domain.Capacity.KindOfHelp.Equipment => "Equipment",
        Domain.Capacity.KindOfHelp.Mentoring => "Mentoring",
        Domain.Capacity.KindOfHelp.Other => "Other help",
    };

    public static string Side(Domain.Capacity.CapacitySide side) => side switch
    {
        Domain.Capacity.CapacitySide.Need => "Need",
        Domain.Capacity.CapacitySide.Offer => "Offer",
    };

    public static string SidePlural(Domain.Capacity.CapacitySide side) => side switch
    {
        Domain.Capacity.CapacitySide.Need => "Needs",
        Domain.Capacity.CapacitySide.Offer => "Offers",
    };

    /// <summary>
    /// A need's or offer's status as its readers say it: a published need is open until matched, a published offer
    /// available; <paramref name="matched"/> when the secretariat has introduced it to a counterpart.
    /// </summary>
    public static string CapacityStatus(Domain.Capacity.CapacitySide side, EntryStatus status, bool matched) => status switch
    {
        EntryStatus.Draft => "Draft",
        EntryStatus.Submitted => "Awaiting approval",
        EntryStatus.AwaitingModeration => "Awaiting moderation",
        EntryStatus.Published when matched => "Matched",
        EntryStatus.Published => side == Domain.Capacity.CapacitySide.Need ? "Open" : "Available",
        EntryStatus.Withdrawn => "Withdrawn",
    };

    public static string CapacityActionButton(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "Submit for approval",
        WorkflowAction.Approve => "Approve",
        WorkflowAction.Return => "Return with a reason",
        WorkflowAction.Publish => "Publish",
        WorkflowAction.Withdraw => "Withdraw",
    };

    public static string MatchStatus(Domain.Capacity.MatchStatus status) => status switch
    {
        Domain.Capacity.MatchStatus.Open => "Open",
        Domain.Capacity.MatchStatus.InDiscussion => "In discussion",
        Domain.Capacity.MatchStatus.Agreed => "Agreed",
        Domain.Capacity.MatchStatus.UnderWay => "Under way",
        Domain.Capacity.MatchStatus.Delivered => "Delivered",
        Domain.Capacity.MatchStatus.Closed => "Closed",
    };

    public static string MatchActionButton(Domain.Capacity.MatchAction action) => action switch
    {
        Domain.Capacity.MatchAction.ExpressInterest => "Express interest",
        Domain.Capacity.MatchAction.Introduce => "Introduce both sides",
        Domain.Capacity.MatchAction.Agree => "Mark as agreed",
        Domain.Capacity.MatchAction.StartWork => "Mark as under way",
        Domain.Capacity.MatchAction.Deliver => "Mark as delivered",
        Domain.Capacity.MatchAction.Close => "Close the match",
    };

    /// <summary>A reason's sentence, with "{0}" for its value put into words (<see cref="Web.Capacity.CapacityText.Reason"/>).</summary>
    public static string MatchReason(Domain.Capacity.MatchReasonKind kind) => kind switch
    {
        Domain.Capacity.MatchReasonKind.SameNorm => "Same norm {0}",
        Domain.Capacity.MatchReasonKind.SameAction => "Same checklist action: {0}",
        Domain.Capacity.MatchReasonKind.SameKindOfHelp => "Both about {0}",
        Domain.Capacity.MatchReasonKind.SameCategory => "Same practice: {0}",
        Domain.Capacity.MatchReasonKind.SameLanguage => "Both in {0}",
        Domain.Capacity.MatchReasonKind.RegionServed => "Region served includes {0}",
    };

    public static string Language(string tag) => Localization.LanguageNames.InReadersLanguage(tag);
}
