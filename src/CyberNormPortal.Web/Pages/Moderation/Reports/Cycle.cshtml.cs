using System.Globalization;
using System.Text;
using CsvHelper;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Search;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Reports;
using CyberNormPortal.Web.Synthesis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Moderation.Reports;

/// <summary>
/// The secretariat's dashboard of one cycle: every State in its scope with where its report stands
/// (<see cref="ReportProgressRule"/>), its last activity and the reminders it was sent; filters by regional group,
/// group and progress; totals ("142 of 193 States have submitted"), each count opening the States behind it; and the
/// same rows as CSV.
/// </summary>
public sealed class CycleModel(
    PortalDbContext db, ReferenceLookup references, StateNames stateNames, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    /// <summary>The columns of the table and the CSV, in order: keys of Resources/SharedResource.resx.</summary>
    public static readonly IReadOnlyList<string> Columns = ["State", "UN regional group", "Progress", "Last activity", "Reminders sent"];

    public string CycleSlug { get; private set; } = "";

    public string CycleName { get; private set; } = "";

    public DateOnly ClosesOn { get; private set; }

    public Parsed<DashboardFilters> Filters { get; private set; } = null!;

    public Dashboard Dashboard { get; private set; } = null!;

    public IReadOnlyList<ScopeOption> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycleSlug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cycleSlug, cancellationToken))
        {
            return NotFound();
        }

        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Abbreviation).Select(g => new ScopeOption(g.Slug, g.Abbreviation + " – " + g.Name)).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Exactly the rows the page shows for the same filters, as CSV (UTF-8); a filter that makes no sense is refused.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string cycleSlug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cycleSlug, cancellationToken))
        {
            return NotFound();
        }

        if (!Filters.IsValid)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = ProblemText.ContentType,
                Content = ProblemText.Describe(Filters.Problems, localizer),
            };
        }

        // Drafts and reviews in progress are not public: who downloaded them is recorded, like restricted search exports.
        audit.Add(AuditActions.RestrictedExport, AuditSubjects.Cycle(CycleSlug), $"CSV export of the reports dashboard{Request.QueryString}");
        await db.SaveChangesAsync(cancellationToken);

        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        Response.Headers.ContentDisposition = $"attachment; filename=\"cybernormportal-reports-{CycleSlug}-{stamp}.csv\"";
        Response.ContentType = "text/csv; charset=utf-8";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in new[] { "ISO code" }.Concat(Columns).Append("Late submission").Append("Published report"))
        {
            csv.WriteField(localizer[column].Value);
        }

        await csv.NextRecordAsync();
        var baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        foreach (var row in Dashboard.Rows)
        {
            csv.WriteField(row.Iso3);
            csv.WriteField(ExportModel.Neutralise(StateName(row)));
            csv.WriteField(localizer[Labels.Region(row.Region)].Value);
            csv.WriteField(localizer[ReportProgressRule.Label(row.Progress)].Value);
            csv.WriteField(row.LastActivity?.ToString(ExportModel.IsoDateFormat, CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.RemindersSent);
            csv.WriteField(row.SubmittedLate ? localizer["Yes"].Value : localizer["No"].Value);
            csv.WriteField(row.IsPublished ? $"{baseUrl}{ReportPath(row)}" : "");
            await csv.NextRecordAsync();
        }

        return new EmptyResult();
    }

    public string StateName(DashboardRow row) => stateNames.Of(row.Iso3, row.StoredName);

    /// <summary>The published report's page.</summary>
    public string ReportPath(DashboardRow row) => $"/states/{row.Iso3.ToLowerInvariant()}/reports/{CycleSlug}";

    /// <summary>The dashboard with these filters and <paramref name="progress"/> (all progress values when null).</summary>
    public string FilteredUrl(ReportProgress? progress) =>
        Url.Content($"~/moderation/reports/{CycleSlug}") + Filters.Value.QueryString(progress, keepProgress: false);

    public string CsvUrl => Url.Content($"~/moderation/reports/{CycleSlug}/csv") + Filters.Value.QueryString();

    /// <summary>The message for <paramref name="parameter"/>, or null.</summary>
    public string? Error(string parameter) => Filters.ProblemWith(parameter)?.Format(localizer);

    private async Task<bool> LoadAsync(string cycleSlug, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Slug == cycleSlug)
            .Select(c => new { c.Id, c.Slug, c.Name, c.ClosesOn, c.ScopeGroupId }).SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return false;
        }

        (CycleSlug, CycleName, ClosesOn) = (cycle.Slug, cycle.Name, cycle.ClosesOn);
        Filters = await DashboardFilters.ParseAsync(Request.Query, references, cancellationToken);
        var dashboard = await ReportDashboardQuery.ReadAsync(
            db, cycle.Id, cycle.ScopeGroupId, cycle.ClosesOn, ReportProgressRule.Today(clock.GetUtcNow()), Filters.Value, cancellationToken);
        var culture = PortalCultures.Current.Culture;
        Dashboard = dashboard with { Rows = [.. dashboard.Rows.OrderBy(StateName, StringComparer.Create(culture, ignoreCase: true))] };
        return true;
    }
}
