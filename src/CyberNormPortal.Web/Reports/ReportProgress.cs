using System.Linq.Expressions;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;

namespace CyberNormPortal.Web.Reports;

/// <summary>Where a State stands in a reporting cycle, as the secretariat's dashboard, its CSV, its totals and the reminders say it.</summary>
public enum ReportProgress
{
    /// <summary>No report for the cycle yet.</summary>
    NotStarted,

    /// <summary>Being written (a draft, or withdrawn back to one).</summary>
    Draft,

    /// <summary>Submitted to the State's approver, waiting for the sign-off.</summary>
    InReview,

    /// <summary>Signed off, waiting for the secretariat.</summary>
    Submitted,

    /// <summary>A version is published (a newer draft behind it still counts).</summary>
    Published,

    /// <summary>The cycle has closed and the State has not signed off.</summary>
    Late,
}

/// <summary>
/// What a State's report for a cycle says about its progress, as one query projects it for each State in scope:
/// its status (null: no report), whether a version is published, and whether it was signed off late.
/// </summary>
public sealed record ReportFacts(EntryStatus? Status, bool HasPublishedVersion, bool SignedOffLate);

/// <summary>
/// The one rule of a State's progress in a cycle (<see cref="ReportProgress"/>). The facts are projected in SQL
/// (<see cref="SignedOff"/> filters there); the progress is computed from them after the one query, with the cycle's
/// closing date and "today" from the portal's <see cref="TimeProvider"/>.
/// </summary>
public static class ReportProgressRule
{
    /// <summary>Every progress value, in the order the dashboard counts them.</summary>
    public static readonly IReadOnlyList<ReportProgress> All = Enum.GetValues<ReportProgress>();

    /// <summary>A report signed off (or published): in SQL, for queries that need only that.</summary>
    public static readonly Expression<Func<NationalReport, bool>> SignedOff = r =>
        r.Status == EntryStatus.AwaitingModeration || r.Status == EntryStatus.Published || r.PublishedVersionNumber != null;

    public static ReportProgress Of(ReportFacts facts, DateOnly closesOn, DateOnly today)
    {
        var progress = facts switch
        {
            { HasPublishedVersion: true } or { Status: EntryStatus.Published } => ReportProgress.Published,
            { Status: EntryStatus.AwaitingModeration } => ReportProgress.Submitted,
            { Status: EntryStatus.Submitted } => ReportProgress.InReview,
            { Status: EntryStatus.Draft or EntryStatus.Withdrawn } => ReportProgress.Draft,
            _ => ReportProgress.NotStarted,
        };
        return !HasSubmitted(progress) && today > closesOn ? ReportProgress.Late : progress;
    }

    /// <summary>"Has submitted", as the totals count it: signed off, whether or not published yet.</summary>
    public static bool HasSubmitted(ReportProgress progress) => progress is ReportProgress.Submitted or ReportProgress.Published;

    /// <summary>Signed off after the cycle closed: shown as "submitted late" next to Submitted or Published.</summary>
    public static bool IsLate(ReportFacts facts, ReportProgress progress) => facts.SignedOffLate && HasSubmitted(progress);

    /// <summary>The English label of a progress value, the key of its translations.</summary>
    public static string Label(ReportProgress progress) => progress switch
    {
        ReportProgress.NotStarted => "Not started",
        ReportProgress.Draft => "Draft",
        ReportProgress.InReview => "In review",
        ReportProgress.Submitted => "Submitted",
        ReportProgress.Published => "Published",
        ReportProgress.Late => "Late",
    };

    /// <summary>"Today" for the deadline rules: the UTC date of <paramref name="now"/>, as sign-offs are marked late.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
