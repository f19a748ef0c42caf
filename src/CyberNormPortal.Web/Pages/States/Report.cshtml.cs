using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.States;

/// <summary>
/// A State's published national report for one cycle, as the reader may see it (<see cref="ReportVisibility"/>):
/// the current published version, or an earlier one (<c>?version=N</c>); <c>?print=true</c> is the same report laid out
/// for paper.
/// </summary>
public sealed class ReportModel(PortalDbContext db, StateNames names) : PageModel
{
    public PublishedReport Report { get; private set; } = null!;

    public ReportView View { get; private set; } = null!;

    public string StateName { get; private set; } = "";

    /// <summary>Published versions the reader may see, newest first.</summary>
    public IReadOnlyList<(int Number, DateTimeOffset PublishedAt)> Versions { get; private set; } = [];

    /// <summary>The State's other cycles with a published report the reader may see, to compare with.</summary>
    public IReadOnlyList<(string Slug, string Name)> OtherCycles { get; private set; } = [];

    public bool IsPrint { get; private set; }

    public int CurrentVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string iso3, string cycleSlug, int? version, bool print, CancellationToken cancellationToken)
    {
        if (!State.LooksLikeIso3(iso3))
        {
            return NotFound();
        }

        var code = State.NormaliseIso3(iso3);
        var reader = Reader.From(User);
        if (await db.LoadPublishedAsync(code, cycleSlug, reader, cancellationToken, version) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        IsPrint = print;
        StateName = names.Of(code, await db.States.Where(s => s.Iso3 == code).Select(s => s.Name).SingleAsync(cancellationToken));
        View = await ReportView.BuildAsync(db, report.Questionnaire, report.Parts.Select(p => (p.PartKey, p.Visibility, p.Answers, (DateTimeOffset?)null, (string?)null)), reader, cancellationToken);
        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == report.ReportId)
            .OrderByDescending(v => v.Number).Select(v => new { v.Number, v.PublishedAt, v.Visibility }).ToListAsync(cancellationToken);
        Versions = versions.Where(v => reader.MaySee(v.Visibility, code)).Select(v => (v.Number, v.PublishedAt)).ToList();
        CurrentVersion = await db.Reports.Where(r => r.Id == report.ReportId).Select(r => r.PublishedVersionNumber ?? 0).SingleAsync(cancellationToken);
        OtherCycles = (await db.Reports.AsNoTracking().PublishedVisibleTo(reader)
                .Where(r => r.StateIso3 == code && r.Id != report.ReportId)
                .Join(db.Cycles, r => r.CycleId, c => c.Id, (r, c) => new { c.Slug, c.Name, c.ClosesOn })
                .OrderByDescending(c => c.ClosesOn)
                .ToListAsync(cancellationToken))
            .Select(c => (c.Slug, c.Name)).ToList();
        return Page();
    }
}
