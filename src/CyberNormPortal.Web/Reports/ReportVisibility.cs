using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Reports;

/// <summary>A published report as one reader may see it: only the parts whose label the reader may read.</summary>
public sealed record PublishedReport(
    int ReportId,
    string StateIso3,
    int CycleId,
    string CycleSlug,
    string CycleName,
    int VersionNumber,
    DateTimeOffset PublishedAt,
    bool IsLate,
    TlpLabel Visibility,
    Questionnaire Questionnaire,
    IReadOnlyList<PartSnapshot> Parts,
    int HiddenParts)
{
    public PartSnapshot? Part(string partKey) => Parts.FirstOrDefault(p => p.PartKey == partKey);
}

/// <summary>
/// The one reading rule of national reports, the entries' TLP rule (<see cref="Reader"/>): a part reaches a reader
/// when both the report's and the part's labels do. TLP:CLEAR is public, TLP:GREEN needs a signed-in account,
/// TLP:AMBER the report's own State or an acting moderator.
/// </summary>
public static class ReportVisibility
{
    public static bool MaySee(this Reader reader, TlpLabel label, string stateIso3) => label switch
    {
        TlpLabel.Clear => true,
        TlpLabel.Green => reader.IsSignedIn,
        _ => reader.IsModerator || (reader.StateIso3 is not null && reader.StateIso3 == stateIso3),
    };

    public static IQueryable<PublishedActionStatus> VisibleTo(this IQueryable<PublishedActionStatus> rows, Reader reader)
    {
        if (reader.IsModerator)
        {
            return rows;
        }

        if (!reader.IsSignedIn)
        {
            return rows.Where(r => r.Visibility == TlpLabel.Clear);
        }

        var state = reader.StateIso3;
        return rows.Where(r => r.Visibility != TlpLabel.Amber || (state != null && r.StateIso3 == state));
    }

    public static IQueryable<PublishedReportPart> VisibleTo(this IQueryable<PublishedReportPart> rows, Reader reader)
    {
        if (reader.IsModerator)
        {
            return rows;
        }

        if (!reader.IsSignedIn)
        {
            return rows.Where(r => r.Visibility == TlpLabel.Clear);
        }

        var state = reader.StateIso3;
        return rows.Where(r => r.Visibility != TlpLabel.Amber || (state != null && r.StateIso3 == state));
    }

    /// <summary>Reports with a published version whose report-level label reaches <paramref name="reader"/>.</summary>
    public static IQueryable<NationalReport> PublishedVisibleTo(this IQueryable<NationalReport> reports, Reader reader)
    {
        var published = reports.Where(r => r.PublishedVersionNumber != null);
        if (reader.IsModerator)
        {
            return published;
        }

        if (!reader.IsSignedIn)
        {
            return published.Where(r => r.Versions.Any(v => v.Number == r.PublishedVersionNumber && v.Visibility == TlpLabel.Clear));
        }

        var state = reader.StateIso3;
        return published.Where(r => r.Versions.Any(v => v.Number == r.PublishedVersionNumber
                                                        && (v.Visibility != TlpLabel.Amber || (state != null && r.StateIso3 == state))));
    }

    /// <summary>
    /// The published report of <paramref name="stateIso3"/> for the cycle <paramref name="cycleSlug"/> (its current
    /// version, or the earlier published <paramref name="versionNumber"/>), with the parts <paramref name="reader"/> may
    /// see, or null when there is none the reader may see (the page answers 404).
    /// </summary>
    public static async Task<PublishedReport?> LoadPublishedAsync(
        this PortalDbContext db, string stateIso3, string cycleSlug, Reader reader, CancellationToken cancellationToken, int? versionNumber = null)
    {
        var row = await db.Reports.AsNoTracking().PublishedVisibleTo(reader)
            .Where(r => r.StateIso3 == stateIso3 && db.Cycles.Any(c => c.Id == r.CycleId && c.Slug == cycleSlug))
            .Select(r => new
            {
                r.Id,
                r.CycleId,
                r.IsLate,
                Version = r.Versions.SingleOrDefault(v => v.Number == (versionNumber ?? r.PublishedVersionNumber)),
                Cycle = db.Cycles.Where(c => c.Id == r.CycleId).Select(c => new { c.Slug, c.Name }).Single(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row?.Version is null || !reader.MaySee(row.Version.Visibility, stateIso3))
        {
            return null;
        }

        var questionnaire = await db.Questionnaires.AsNoTracking()
            .Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery()
            .SingleAsync(q => q.Id == row.Version.QuestionnaireId, cancellationToken);
        var visible = row.Version.Parts
            .Where(p => reader.MaySee(NationalReport.Stricter(row.Version.Visibility, p.Visibility), stateIso3))
            .ToList();
        return new PublishedReport(
            row.Id, stateIso3, row.CycleId, row.Cycle.Slug, row.Cycle.Name, row.Version.Number, row.Version.PublishedAt, row.IsLate,
            row.Version.Visibility, questionnaire, visible, row.Version.Parts.Count - visible.Count);
    }
}
