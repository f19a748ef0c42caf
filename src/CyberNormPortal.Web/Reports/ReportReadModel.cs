using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Reports;

/// <summary>
/// One checklist action of a published report, as readers see it: the read table behind the cycle's counts per norm
/// and action, the comparison of States and the coverage map's checklist view (one indexed query, no JSON parsing).
/// </summary>
public sealed class PublishedActionStatus
{
    public int ReportId { get; set; }

    public string ActionKey { get; set; } = "";

    public int CycleId { get; set; }

    public string StateIso3 { get; set; } = "";

    public int NormNumber { get; set; }

    public ChecklistStatus Status { get; set; }

    /// <summary>The stricter of the report's and the part's labels.</summary>
    public TlpLabel Visibility { get; set; }
}

/// <summary>One part of a published report as text, for search (its <c>SearchVector</c> is computed by PostgreSQL).</summary>
public sealed class PublishedReportPart
{
    public int ReportId { get; set; }

    public string PartKey { get; set; } = "";

    public int CycleId { get; set; }

    public string StateIso3 { get; set; } = "";

    public TlpLabel Visibility { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>The part's title, questions and answers, as plain text.</summary>
    public string Text { get; set; } = "";
}

/// <summary>Keeps the read tables in step with a report's published version, in the caller's unit of work.</summary>
public static class ReportReadModel
{
    /// <summary>
    /// Replaces the report's rows with those of its published version (none when nothing is published). Call it after
    /// every step that changes <see cref="NationalReport.PublishedVersionNumber"/>, before saving.
    /// </summary>
    public static async Task RefreshAsync(PortalDbContext db, NationalReport report, CancellationToken cancellationToken)
    {
        // Idempotent within a retried unit of work: rows added by a failed attempt are forgotten first.
        foreach (var tracked in db.ChangeTracker.Entries()
                     .Where(e => e.Entity is PublishedActionStatus { } a && a.ReportId == report.Id
                                 || e.Entity is PublishedReportPart { } p && p.ReportId == report.Id)
                     .ToList())
        {
            tracked.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

        await db.PublishedActionStatuses.Where(a => a.ReportId == report.Id).ExecuteDeleteAsync(cancellationToken);
        await db.PublishedReportParts.Where(p => p.ReportId == report.Id).ExecuteDeleteAsync(cancellationToken);
        if (report.PublishedVersion is not { } version)
        {
            return;
        }

        var questionnaire = await db.Questionnaires.AsNoTracking()
            .Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery()
            .SingleAsync(q => q.Id == version.QuestionnaireId, cancellationToken);
        var actions = questionnaire.Actions.ToDictionary(a => a.Key);
        foreach (var snapshot in version.Parts)
        {
            var part = questionnaire.Parts.SingleOrDefault(p => p.Key == snapshot.PartKey);
            if (part is null)
            {
                continue;
            }

            var visibility = NationalReport.Stricter(version.Visibility, snapshot.Visibility);
            foreach (var answer in snapshot.Answers.Actions.Where(a => a.Status is not null && actions.ContainsKey(a.ActionKey)))
            {
                db.PublishedActionStatuses.Add(new PublishedActionStatus
                {
                    ReportId = report.Id,
                    ActionKey = answer.ActionKey,
                    CycleId = report.CycleId,
                    StateIso3 = report.StateIso3,
                    NormNumber = actions[answer.ActionKey].NormNumber,
                    Status = answer.Status!.Value,
                    Visibility = visibility,
                });
            }

            db.PublishedReportParts.Add(new PublishedReportPart
            {
                ReportId = report.Id,
                PartKey = part.Key,
                CycleId = report.CycleId,
                StateIso3 = report.StateIso3,
                Visibility = visibility,
                PublishedAt = version.PublishedAt,
                Text = TextOf(part, questionnaire.Actions, snapshot.Answers),
            });
        }
    }

    private static string TextOf(QuestionnairePart part, IEnumerable<ChecklistAction> actions, PartAnswers answers) =>
        string.Join('\n', [part.Title, .. ReportText.Lines(part, part.Kind == PartKind.Norms ? actions : [], answers, Pages.Shared.Labels.Checklist)]);
}
