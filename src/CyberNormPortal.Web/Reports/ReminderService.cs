using System.Globalization;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Identity;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Reports;

/// <summary>The reminders' settings (section "Reminders" of appsettings).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>A report waiting for its approver longer than this gets them a reminder (the "more than 5 days").</summary>
    public static readonly TimeSpan DefaultSignOffWait = TimeSpan.FromDays(5);

    /// <summary>Whether the background loop runs (the Testing environment turns it off and calls the service itself).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the loop looks for due reminders.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan SignOffWait { get; set; } = DefaultSignOffWait;
}

/// <summary>
/// Sends the reminders that are due at a given instant: before a cycle closes, to the contributors and approvers of
/// each State in its scope that has not signed off (<see cref="ReportProgressRule"/>); and to the approvers of a
/// report that has waited for their sign-off longer than <see cref="ReminderOptions.SignOffWait"/>.
/// <para>
/// Each reminder goes out once whatever the number of instances: its <see cref="SentReminder.Key"/> is unique, every
/// instance inserts it with <c>ON CONFLICT DO NOTHING</c>, and only the instance whose insert won queues the mail, in
/// the same transaction.
/// </para>
/// <para>
/// Who hears what is decided here rather than as a <see cref="Notification"/> of <see cref="Notifications"/>: a
/// notification is raised by a step someone took and mailed in that step's unit of work, whereas a reminder is
/// raised by the clock, and whether it goes to a recipient depends on that recipient's own once-only row. The role
/// rule (active users in a role, bound to a State) is still the one of <see cref="Notifications"/>.
/// </para>
/// </summary>
public sealed class ReminderService(
    PortalDbContext db, Notifications notifications, MailQueue mail, MailTemplates templates, StateNames stateNames, IOptions<ReminderOptions> options)
{
    /// <summary>Where a reminder's link leads: the State's reports, in the recipient's language.</summary>
    public const string ReportsPath = "/my/reports";

    public const string DeadlineTemplate = "ReportDeadline";

    public const string SignOffTemplate = "ReportSignOffWaiting";

    /// <summary>One reminder to one person: what <see cref="SendDueAsync"/> tries to insert and mail.</summary>
    private sealed record Due(
        string Key, ReminderKind Kind, int CycleId, string CycleName, string StateIso3, int? ReportId, PortalUser User,
        int? DaysBefore, int DaysLeft, DateOnly ClosesOn, DateTimeOffset? SubmittedAt);

    /// <summary>Sends every reminder due at <paramref name="now"/> not sent before; returns how many this call sent.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        List<Due> due = [.. await DeadlinesAsync(now, cancellationToken), .. await SignOffsAsync(now, cancellationToken)];
        var keys = due.Select(d => d.Key).ToList();
        var already = await db.SentReminders.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken);
        // In key order, so that two instances inserting the same keys wait for each other instead of deadlocking.
        var toSend = due.ExceptBy(already, d => d.Key).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        if (toSend.Count == 0)
        {
            return 0;
        }

        // The subject is kept as the column allows (Data/Configurations/ReportConfigurations.cs); the mail has it whole.
        var subjectLength = db.Model.FindEntityType(typeof(SentReminder))!.FindProperty(nameof(SentReminder.Subject))!.GetMaxLength()!.Value;
        return await db.InRetriedTransactionAsync(
            async token =>
            {
                var sent = 0;
                foreach (var reminder in toSend)
                {
                    var culture = MailTemplates.CultureOf(reminder.User);
                    var text = Render(reminder, culture);
                    var subject = text.Subject.Length > subjectLength ? text.Subject[..subjectLength] : text.Subject;
                    var kind = reminder.Kind.ToString();
                    var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                        $"""
                        INSERT INTO "SentReminders" ("Key", "Kind", "CycleId", "StateIso3", "ReportId", "UserId", "DaysBefore", "Subject", "Language", "SentAt")
                        VALUES ({reminder.Key}, {kind}, {reminder.CycleId}, {reminder.StateIso3}, {reminder.ReportId}, {reminder.User.Id},
                                {reminder.DaysBefore}, {subject}, {text.Language}, {now})
                        ON CONFLICT ("Key") DO NOTHING
                        """,
                        token);
                    if (inserted == 1)
                    {
                        mail.Enqueue(reminder.User.Email!, text.Subject, text.Body, text.Language);
                        sent++;
                    }
                }

                await db.SaveChangesAsync(token);
                return sent;
            },
            // The commit's outcome unknown: it went through if this attempt's rows are there (or another instance's,
            // which sent them instead: either way they are not to be sent again).
            async token => await db.SentReminders.CountAsync(r => keys.Contains(r.Key), token) >= toSend.Count,
            cancellationToken);
    }

    /// <summary>
    /// For each cycle with a questionnaire that has not closed: the smallest of its reminder days already reached (a
    /// clock that jumped past 30 and 7 days sends the 7-day reminder only), to every active contributor and approver
    /// of each State in scope that has not signed off.
    /// </summary>
    private async Task<List<Due>> DeadlinesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ReportProgressRule.Today(now);
        var cycles = await db.Cycles.AsNoTracking()
            .Where(c => c.ClosesOn >= today && db.Questionnaires.Any(q => q.CycleId == c.Id))
            .Select(c => new { c.Id, c.Name, c.ClosesOn, c.ScopeGroupId, c.ReminderDays })
            .ToListAsync(cancellationToken);
        List<Due> due = [];
        foreach (var cycle in cycles)
        {
            var daysLeft = cycle.ClosesOn.DayNumber - today.DayNumber;
            var reached = cycle.ReminderDays.Where(d => daysLeft <= d).ToList();
            if (reached.Count == 0)
            {
                continue;
            }

            var days = reached.Min();
            var inScope = db.States.Where(s => cycle.ScopeGroupId == null
                || db.GroupMemberships.Any(m => m.GroupId == cycle.ScopeGroupId && m.StateIso3 == s.Iso3)).Select(s => s.Iso3);
            var signedOff = db.Reports.Where(r => r.CycleId == cycle.Id).Where(ReportProgressRule.SignedOff).Select(r => r.StateIso3);
            var recipients = await notifications.UsersInRoles(null, PortalRoles.Contributor, PortalRoles.Approver)
                .Where(u => u.Email != null && u.StateIso3 != null && inScope.Contains(u.StateIso3) && !signedOff.Contains(u.StateIso3))
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            due.AddRange(recipients.Select(u => new Due(
                DeadlineKey(cycle.Id, days, u.Id), ReminderKind.Deadline, cycle.Id, cycle.Name, u.StateIso3!, null, u, days, daysLeft, cycle.ClosesOn, null)));
        }

        return due;
    }

    /// <summary>Reports in review longer than the allowed wait: one reminder per submission to each active approver of the State.</summary>
    private async Task<List<Due>> SignOffsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waitingSince = now - options.Value.SignOffWait;
        var today = ReportProgressRule.Today(now);
        var waiting = await db.Reports.AsNoTracking()
            .Where(r => r.Status == EntryStatus.Submitted && r.SubmittedForReviewAt != null && r.SubmittedForReviewAt < waitingSince)
            .Join(db.Cycles, r => r.CycleId, c => c.Id, (r, c) => new { r.Id, r.CycleId, CycleName = c.Name, c.ClosesOn, r.StateIso3, r.SubmittedForReviewAt })
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return [];
        }

        var states = waiting.Select(r => r.StateIso3).Distinct().ToList();
        var approvers = (await notifications.UsersInRoles(null, PortalRoles.Approver)
                .Where(u => u.Email != null && u.StateIso3 != null && states.Contains(u.StateIso3))
                .AsNoTracking()
                .ToListAsync(cancellationToken))
            .ToLookup(u => u.StateIso3!);
        return [.. waiting.SelectMany(r => approvers[r.StateIso3].Select(u => new Due(
            SignOffKey(r.Id, r.SubmittedForReviewAt!.Value, u.Id), ReminderKind.SignOffWaiting, r.CycleId, r.CycleName, r.StateIso3, r.Id, u,
            null, r.ClosesOn.DayNumber - today.DayNumber, r.ClosesOn, r.SubmittedForReviewAt)))];
    }

    public static string DeadlineKey(int cycleId, int days, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"deadline:{cycleId}:{days}:{userId}");

    public static string SignOffKey(int reportId, DateTimeOffset submittedAt, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"signoff:{reportId}:{submittedAt.UtcTicks}:{userId}");

    private MailText Render(Due reminder, CultureInfo culture)
    {
        var portalCulture = PortalCultures.OrDefault(culture.Name);
        (string, string)[] values =
        [
            ("cycle", reminder.CycleName),
            ("state", stateNames.Of(reminder.StateIso3, portalCulture)),
            ("closes", reminder.ClosesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("link", mail.Link(ReportsPath, culture)),
        ];
        return reminder.Kind switch
        {
            ReminderKind.Deadline => templates.Render(DeadlineTemplate, culture,
                [.. values, ("days", reminder.DaysLeft.ToString(culture))]),
            ReminderKind.SignOffWaiting => templates.Render(SignOffTemplate, culture,
                [.. values, ("submitted", reminder.SubmittedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]),
        };
    }
}
