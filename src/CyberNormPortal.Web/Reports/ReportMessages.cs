namespace CyberNormPortal.Web.Reports;

/// <summary>Messages of the pages that read published reports: keys of Resources/SharedResource.resx.</summary>
public static class ReportMessages
{
    public const string Status = "“{0}” is not a checklist status: Implemented, InProgress, NotStarted or NotApplicable.";
    public const string StatusRequired = "Choose a checklist status.";
    public const string Action = "There is no practical action “{0}” in this cycle's checklist.";
    public const string ActionOrNorm = "Choose a practical action or a norm.";
    public const string NoReport = "{0} has no published report in this cycle that you may read.";
}
