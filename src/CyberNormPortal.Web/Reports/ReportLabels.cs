using CyberNormPortal.Domain.Reports;

namespace CyberNormPortal.Web.Reports;

/// <summary>
/// The English text of each questionnaire and report value, the key of its localized resource
/// (<c>L[ReportLabels.Status(status)]</c>), as <see cref="Pages.Shared.Labels"/> does for entries.
/// </summary>
public static class ReportLabels
{
    /// <summary>A part's kind, also the default title of the four parts of a new questionnaire.</summary>
    public static string PartKind(PartKind kind) => kind switch
    {
        Domain.Reports.PartKind.InternationalLaw => "International law",
        Domain.Reports.PartKind.Norms => "Norms of responsible State behaviour",
        Domain.Reports.PartKind.ConfidenceBuilding => "Confidence-building measures",
        Domain.Reports.PartKind.CapacityBuilding => "Capacity-building",
        Domain.Reports.PartKind.Other => "Other",
    };

    public static string QuestionKind(QuestionKind kind) => kind switch
    {
        Domain.Reports.QuestionKind.SingleChoice => "Single choice",
        Domain.Reports.QuestionKind.MultipleChoice => "Multiple choice",
        Domain.Reports.QuestionKind.FreeText => "Free text",
        Domain.Reports.QuestionKind.YesNo => "Yes or no, with an explanation",
        Domain.Reports.QuestionKind.EntryLinks => "Links to published entries",
    };

    public static string Status(ChecklistStatus status) => status switch
    {
        ChecklistStatus.NotStarted => "Not started",
        ChecklistStatus.InProgress => "In progress",
        ChecklistStatus.Implemented => "Implemented",
        ChecklistStatus.NotApplicable => "Not applicable",
    };
}
