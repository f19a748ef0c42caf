using System.Globalization;
using System.Reflection;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.Audit;

public sealed class IndexModel(PortalDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    public const string BadDateMessage = "Enter a date like 2026-11-23.";

    public const string UnknownActionMessage = "Choose an action from the list.";

    /// <summary>Every action the log records: the constants of <see cref="AuditActions"/> and each workflow step.</summary>
    public static readonly IReadOnlyList<string> Actions = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Concat(Enum.GetValues<WorkflowAction>().Select(AuditActions.Workflow))
        .Distinct()
        .Order(StringComparer.Ordinal)];

    public sealed record AuditRow(DateTimeOffset At, string ActorName, string? ActorEmail, string Action, string? Subject, string? Details, string? IpAddress);

    /// <summary>Text in the actor's name or e-mail address.</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<AuditRow> Records { get; private set; } = [];

    public Paging Paging { get; private set; } = Paging.For(1, 0, PageSize);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        (Actor, Action, From, To) = (AdminLists.Typed(Actor), AdminLists.Typed(Action), AdminLists.Typed(From), AdminLists.Typed(To));
        var query = db.AuditRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var pattern = AdminLists.ContainsPattern(Actor);
            query = query.Where(a => EF.Functions.ILike(a.ActorName, pattern, "\\")
                || db.Users.Any(u => u.Id == a.UserId && EF.Functions.ILike(u.Email!, pattern, "\\")));
        }

        if (!string.IsNullOrEmpty(Action))
        {
            if (Actions.Contains(Action))
            {
                query = query.Where(a => a.Action == Action);
            }
            else
            {
                ModelState.AddModelError(nameof(Action), localizer[UnknownActionMessage]);
            }
        }

        if (ParseDate(From, nameof(From)) is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }

        if (ParseDate(To, nameof(To)) is { } to)
        {
            // Inclusive: everything before the start of the next day (UTC).
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        Paging = Paging.For(page, await query.CountAsync(cancellationToken), PageSize);
        Records = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(a => new AuditRow(
                a.At,
                a.ActorName,
                db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
                a.Action,
                a.Subject,
                a.Details,
                a.IpAddress))
            .ToListAsync(cancellationToken);
    }

    private DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, localizer[BadDateMessage]);
        return null;
    }
}
