namespace CyberNormPortal.Web.Reports;

public enum ReminderKind
{
    /// <summary>The cycle closes in a few days and the State has not signed off its report.</summary>
    Deadline,

    /// <summary>A report has waited for its approver's sign-off for more than the allowed days.</summary>
    SignOffWaiting,
}

/// <summary>
/// A reminder that went out: to whom, why, in which language. Its <see cref="Key"/> is unique, so a reminder is
/// sent once whatever the number of instances that try (docs/decisions/0016-national-reports.md).
/// </summary>
public sealed class SentReminder
{
    private SentReminder()
    {
    }

    public SentReminder(string key, ReminderKind kind, int cycleId, string stateIso3, int? reportId, string userId, int? daysBefore, string subject, string language, DateTimeOffset sentAt)
    {
        Key = key;
        Kind = kind;
        CycleId = cycleId;
        StateIso3 = stateIso3;
        ReportId = reportId;
        UserId = userId;
        DaysBefore = daysBefore;
        Subject = subject;
        Language = language;
        SentAt = sentAt;
    }

    public long Id { get; private set; }

    public string Key { get; private set; } = "";

    public ReminderKind Kind { get; private set; }

    public int CycleId { get; private set; }

    public string StateIso3 { get; private set; } = "";

    public int? ReportId { get; private set; }

    public string UserId { get; private set; } = "";

    /// <summary>For a deadline reminder, the days before closing it stands for.</summary>
    public int? DaysBefore { get; private set; }

    public string Subject { get; private set; } = "";

    public string Language { get; private set; } = "";

    public DateTimeOffset SentAt { get; private set; }
}
