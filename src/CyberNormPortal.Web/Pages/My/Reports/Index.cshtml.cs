using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Mail;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.My.Reports;

/// <summary>
/// A point of contact's national reports: each cycle with a questionnaire that asks their State, with its report's
/// status, and the way to start it — empty, or from the State's last report.
/// </summary>
public sealed class IndexModel(PortalDbContext db, ReportService reports, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record CycleRow(
        int CycleId, string Name, DateOnly ClosesOn, int? ReportId, EntryStatus? Status, bool IsLate, bool HasPrevious, bool WaitsForMe);

    public IReadOnlyList<CycleRow> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = PortalActor.From(User)!;
        var state = actor.StateIso3;
        var rows = await db.Cycles.AsNoTracking()
            .Where(c => db.Questionnaires.Any(q => q.CycleId == c.Id))
            .Where(c => c.ScopeGroupId == null || db.GroupMemberships.Any(m => m.GroupId == c.ScopeGroupId && m.StateIso3 == state))
            .OrderByDescending(c => c.ClosesOn)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.ClosesOn,
                Report = db.Reports.Where(r => r.CycleId == c.Id && r.StateIso3 == state)
                    .Select(r => new { r.Id, r.Status, r.IsLate }).FirstOrDefault(),
                HasPrevious = db.Reports.Any(r => r.StateIso3 == state && r.CycleId != c.Id
                                                  && db.Cycles.Any(p => p.Id == r.CycleId && p.ClosesOn <= c.ClosesOn)),
            })
            .ToListAsync(cancellationToken);
        var approves = actor.Has(WorkflowRoles.Approver);
        Cycles = rows.Select(r => new CycleRow(
                r.Id, r.Name, r.ClosesOn, r.Report?.Id, r.Report?.Status, r.Report?.IsLate == true, r.HasPrevious,
                approves && r.Report?.Status == EntryStatus.Submitted))
            .ToList();
    }

    /// <summary>Starts the State's report for a cycle; <paramref name="fromPrevious"/> carries the last report's answers.</summary>
    public async Task<IActionResult> OnPostStartAsync(int cycleId, bool fromPrevious, CancellationToken cancellationToken)
    {
        var (outcome, reportId, message) = await reports.StartAsync(cycleId, PortalActor.From(User)!, fromPrevious, cancellationToken);
        if (outcome != SaveOutcome.Saved || reportId is null)
        {
            TempData.SetNotice(localizer[message ?? Domain.Common.DomainMessages.ReportStepNotPossibleNow]);
            return RedirectToPage();
        }

        TempData.SetNotice(fromPrevious
            ? localizer["The report is started from your last report: check each part, then save it."]
            : localizer["The report is started. Fill in its parts; colleagues of your State can fill in others at the same time."]);
        return Redirect(Url.Content(Notifications.ReportWorkPath(reportId.Value)));
    }
}
