using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Filters;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Reports;

/// <summary>The filters of a cycle's dashboard, as its query string gives them (<c>region, group, progress</c>).</summary>
public sealed record DashboardFilters(RegionalGroup? Region, string? GroupSlug, ReportProgress? Progress)
{
    public const string ProgressParameter = "progress";

    public const string ProgressMessage = "There is no progress “{0}”. Choose one from the list.";

    /// <summary>The one parser of the dashboard's filters, for the page and its CSV: each value's form, and whether the group exists.</summary>
    public static async Task<Parsed<DashboardFilters>> ParseAsync(IQueryCollection query, ReferenceLookup references, CancellationToken cancellationToken)
    {
        var values = new QueryValues(query);
        var region = values.Choice<RegionalGroup>(FilterNames.Region, FilterMessages.Region);
        var group = values.Single(FilterNames.Group);
        var progress = values.Choice<ReportProgress>(ProgressParameter, ProgressMessage);
        var known = await references.FindAsync([], group is null ? [] : [group], [], cancellationToken);
        return new Parsed<DashboardFilters>(new DashboardFilters(region, known.Group(group, values), progress), values.Problems);
    }

    /// <summary>The query string of these filters (with <paramref name="progress"/> instead of this one's, when given), "" when none.</summary>
    public string QueryString(ReportProgress? progress = null, bool keepProgress = true)
    {
        var chosen = progress ?? (keepProgress ? Progress : null);
        var parts = new List<string>();
        if (Region is { } region)
        {
            parts.Add($"{FilterNames.Region}={region}");
        }

        if (GroupSlug is { } group)
        {
            parts.Add($"{FilterNames.Group}={Uri.EscapeDataString(group)}");
        }

        if (chosen is { } value)
        {
            parts.Add($"{ProgressParameter}={value}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>One State of a cycle's dashboard.</summary>
public sealed record DashboardRow(
    string Iso3, string StoredName, RegionalGroup Region, ReportProgress Progress, bool SubmittedLate, DateTimeOffset? LastActivity, int RemindersSent)
{
    /// <summary>Whether its published report page exists (/states/{iso3}/reports/{cycle}).</summary>
    public bool IsPublished => Progress == ReportProgress.Published;
}

/// <summary>A cycle's dashboard: the rows the filters keep, and the totals over the States in scope that region and group keep.</summary>
public sealed record Dashboard(IReadOnlyList<DashboardRow> Rows, int InScope, int HaveSubmitted, IReadOnlyDictionary<ReportProgress, int> Counts);

/// <summary>
/// Reads a cycle's dashboard: every State in the cycle's scope (all States, or its scope group's members) with its
/// report's facts, last activity and reminders sent, in one query; progress by <see cref="ReportProgressRule"/>.
/// </summary>
public static class ReportDashboardQuery
{
    public static async Task<Dashboard> ReadAsync(
        PortalDbContext db, int cycleId, int? scopeGroupId, DateOnly closesOn, DateOnly today, DashboardFilters filters, CancellationToken cancellationToken)
    {
        var states = db.States.AsNoTracking();
        if (scopeGroupId is { } scope)
        {
            states = states.Where(s => db.GroupMemberships.Any(m => m.GroupId == scope && m.StateIso3 == s.Iso3));
        }

        if (filters.Region is { } region)
        {
            states = states.Where(s => s.RegionalGroup == region);
        }

        if (filters.GroupSlug is { } slug)
        {
            states = states.Where(s => db.GroupMemberships.Any(m => m.StateIso3 == s.Iso3 && db.Groups.Any(g => g.Id == m.GroupId && g.Slug == slug)));
        }

        var facts = await (
                from s in states
                join r in db.Reports.Where(r => r.CycleId == cycleId) on s.Iso3 equals r.StateIso3 into reports
                from r in reports.DefaultIfEmpty()
                select new
                {
                    s.Iso3,
                    s.Name,
                    s.RegionalGroup,
                    Status = r == null ? (EntryStatus?)null : r.Status,
                    HasPublishedVersion = r != null && r.PublishedVersionNumber != null,
                    IsLate = r != null && r.IsLate,
                    LastPart = db.ReportParts.Where(p => r != null && p.ReportId == r.Id).Max(p => p.UpdatedAt),
                    LastEvent = db.ReportEvents.Where(e => r != null && e.ReportId == r.Id).Max(e => (DateTimeOffset?)e.At),
                    Reminders = db.SentReminders.Count(x => x.CycleId == cycleId && x.StateIso3 == s.Iso3),
                })
            .ToListAsync(cancellationToken);

        var all = facts.Select(f =>
        {
            var reportFacts = new ReportFacts(f.Status, f.HasPublishedVersion, f.IsLate);
            var progress = ReportProgressRule.Of(reportFacts, closesOn, today);
            var last = f.LastPart > f.LastEvent || f.LastEvent is null ? f.LastPart : f.LastEvent;
            return new DashboardRow(f.Iso3, f.Name, f.RegionalGroup, progress, ReportProgressRule.IsLate(reportFacts, progress), last, f.Reminders);
        }).ToList();
        var counts = ReportProgressRule.All.ToDictionary(p => p, p => all.Count(r => r.Progress == p));
        var rows = filters.Progress is { } wanted ? all.Where(r => r.Progress == wanted).ToList() : all;
        return new Dashboard(rows, all.Count, all.Count(r => ReportProgressRule.HasSubmitted(r.Progress)), counts);
    }
}
