using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Shared;

/// <summary>The checklist of one norm within the Norms part.</summary>
public sealed record NormChecklist(int NormNumber, string ShortTitle, IReadOnlyList<ChecklistAction> Actions);

/// <summary>One part of a report as a page shows it: the questions, the checklist and the answers given.</summary>
public sealed record ReportSection(
    QuestionnairePart Part,
    TlpLabel Visibility,
    PartAnswers Answers,
    IReadOnlyList<NormChecklist> Norms,
    DateTimeOffset? SavedAt = null,
    string? SavedBy = null);

/// <summary>
/// A report's parts with their answers, ready for <c>_ReportAnswers.cshtml</c>: the working copy, a published version
/// and the print layout all render through it. Linked entries are looked up once, with the titles readers may see.
/// </summary>
public sealed class ReportView
{
    private ReportView(IReadOnlyList<ReportSection> sections, IReadOnlyDictionary<int, string> entryTitles)
    {
        Sections = sections;
        EntryTitles = entryTitles;
    }

    public IReadOnlyList<ReportSection> Sections { get; }

    /// <summary>Titles of the linked entries the reader may open; a link to any other entry is not shown.</summary>
    public IReadOnlyDictionary<int, string> EntryTitles { get; }

    public static async Task<ReportView> BuildAsync(
        PortalDbContext db,
        Questionnaire questionnaire,
        IEnumerable<(string PartKey, TlpLabel Visibility, PartAnswers Answers, DateTimeOffset? SavedAt, string? SavedBy)> parts,
        Reader reader,
        CancellationToken cancellationToken)
    {
        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken);
        var byKey = parts.ToDictionary(p => p.PartKey);
        var sections = questionnaire.OrderedParts
            .Where(part => byKey.ContainsKey(part.Key))
            .Select(part =>
            {
                var (_, visibility, answers, savedAt, savedBy) = byKey[part.Key];
                var checklists = part.Kind == PartKind.Norms
                    ? norms.Select(n => new NormChecklist(n.Number, n.ShortTitle, questionnaire.ActionsOf(n.Number).ToList()))
                        .Where(c => c.Actions.Count > 0).ToList()
                    : [];
                return new ReportSection(part, visibility, answers, checklists, savedAt, savedBy);
            })
            .ToList();
        var ids = sections.SelectMany(s => s.Answers.Questions.SelectMany(q => q.EntryIds).Concat(s.Answers.Actions.SelectMany(a => a.EntryIds)))
            .Distinct().ToList();
        var titles = ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.PublishedEntries(reader).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);
        return new ReportView(sections, titles);
    }
}
