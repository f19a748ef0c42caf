using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.My;

/// <summary>The reminders the signed-in user was sent (<see cref="ReminderService"/>), newest first.</summary>
public sealed class RemindersModel(PortalDbContext db) : PageModel
{
    public sealed record Row(DateTimeOffset SentAt, string CycleName, string CycleSlug, ReminderKind Kind, int? DaysBefore, string Subject);

    public IReadOnlyList<Row> Reminders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = PortalActor.From(User)!.UserId;
        Reminders = await db.SentReminders.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Join(db.Cycles, r => r.CycleId, c => c.Id, (r, c) => new { r, c })
            .OrderByDescending(x => x.r.SentAt).ThenByDescending(x => x.r.Id)
            .Select(x => new Row(x.r.SentAt, x.c.Name, x.c.Slug, x.r.Kind, x.r.DaysBefore, x.r.Subject))
            .ToListAsync(cancellationToken);
    }
}
