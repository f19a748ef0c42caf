using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Rendering;
using CyberNormPortal.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Exports;

/// <summary>A link to a published entry an answer names.</summary>
public sealed record ReportEntryLink(int Id, string Url);

/// <summary>One question with its answer; every answer field is empty in the blank questionnaire.</summary>
public sealed record ReportQuestion(
    string Key,
    QuestionKind Kind,
    string KindLabel,
    string Text,
    IReadOnlyList<string> Options,
    IReadOnlyList<string> Chosen,
    bool? Yes,
    string? Answer,
    IReadOnlyList<ReportEntryLink> Entries);

/// <summary>One practical action of the checklist with the State's record of it (empty in the blank questionnaire).</summary>
public sealed record ReportAction(
    string Key,
    string Text,
    string Source,
    string SourceLine,
    ChecklistStatus? Status,
    string? StatusLabel,
    string? Measures,
    IReadOnlyList<ReportEntryLink> Entries,
    string? Challenges,
    string? CapacityNeeds);

/// <summary>A norm of the Norms part with its actions: "13(a) – Cooperate to increase stability and security".</summary>
public sealed record ReportNorm(int Number, string Heading, IReadOnlyList<ReportAction> Actions);

/// <summary>One part: guidance as plain paragraphs, its questions and, for the Norms part, the checklist by norm.</summary>
public sealed record ReportSection(
    string Key,
    PartKind Kind,
    string Title,
    IReadOnlyList<string> Guidance,
    TlpLabel? Visibility,
    IReadOnlyList<ReportQuestion> Questions,
    IReadOnlyList<ReportNorm> Norms);

/// <summary>The fixed words of a report document, in the reader's language.</summary>
public sealed record ReportWords(
    string Yes,
    string No,
    string Explanation,
    string Answer,
    string Entries,
    string Status,
    string Measures,
    string Challenges,
    string CapacityNeeds,
    string Checklist,
    string NoAnswer,
    IReadOnlyList<string> Statuses);

/// <summary>
/// A national report (or the cycle's blank questionnaire) as a document: everything already localized and filtered for
/// the reader, so the Word writer and a print layout show the same thing. <see cref="IsBlank"/> documents carry no
/// answers; their writer leaves room to fill in.
/// </summary>
public sealed record ReportDocument(
    bool IsBlank,
    string Title,
    IReadOnlyList<string> Details,
    TlpLabel Visibility,
    string? HiddenNote,
    IReadOnlyList<ReportSection> Sections,
    ReportWords Words,
    string FileName)
{
    /// <summary>Holds something not TLP:CLEAR: its export is audited.</summary>
    public bool IsRestricted => Visibility != TlpLabel.Clear || Sections.Any(s => s.Visibility is not null and not TlpLabel.Clear);
}

/// <summary>
/// Builds <see cref="ReportDocument"/>s. A published report is read only through
/// <see cref="ReportVisibility.LoadPublishedAsync"/>, the reports' one reading rule.
/// </summary>
public sealed class ReportDocumentBuilder(
    PortalDbContext db, IStringLocalizer<SharedResource> localizer, MarkdownRenderer markdown, StateNames stateNames)
{
    /// <summary>The latest questionnaire of the cycle <paramref name="cycleSlug"/>, blank; null when there is none.</summary>
    public async Task<ReportDocument?> BlankAsync(string cycleSlug, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Slug == cycleSlug).Select(c => new { c.Id, c.Name, c.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        var questionnaire = await db.Questionnaires.AsNoTracking()
            .Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery()
            .Where(q => q.CycleId == cycle.Id).OrderByDescending(q => q.Version).FirstOrDefaultAsync(cancellationToken);
        if (questionnaire is null)
        {
            return null;
        }

        var norms = await NormHeadingsAsync(cancellationToken);
        var sections = questionnaire.OrderedParts
            .Select(part => Section(part, questionnaire, norms, null, siteUrl: ""))
            .ToList();
        return new ReportDocument(
            IsBlank: true,
            localizer["Questionnaire: {0}", cycle.Name],
            [localizer["Version {0}", questionnaire.Version], localizer["No question is mandatory."]],
            TlpLabel.Clear,
            HiddenNote: null,
            sections,
            Words(),
            $"questionnaire-{cycle.Slug}-v{questionnaire.Version}.docx");
    }

    /// <summary>
    /// The published report of <paramref name="stateIso3"/> for the cycle as <paramref name="reader"/> may see it;
    /// null when there is none they may see. Links are absolute, under <paramref name="siteUrl"/>.
    /// </summary>
    public async Task<ReportDocument?> PublishedAsync(string stateIso3, string cycleSlug, Reader reader, string siteUrl, CancellationToken cancellationToken)
    {
        var report = await db.LoadPublishedAsync(stateIso3, cycleSlug, reader, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var storedName = await db.States.AsNoTracking().Where(s => s.Iso3 == report.StateIso3).Select(s => s.Name).SingleAsync(cancellationToken);
        var stateName = stateNames.Of(report.StateIso3, storedName);
        var norms = await NormHeadingsAsync(cancellationToken);
        var sections = report.Questionnaire.OrderedParts
            .Select(part => (part, snapshot: report.Part(part.Key)))
            .Where(p => p.snapshot is not null)
            .Select(p => Section(p.part, report.Questionnaire, norms, p.snapshot, siteUrl))
            .ToList();
        var details = new List<string>
        {
            localizer["Version {0}, published {1}", report.VersionNumber, Formats.Date(report.PublishedAt)],
            Labels.Tlp(report.Visibility) + " – " + localizer[Labels.TlpExplanation(report.Visibility)],
        };
        if (report.IsLate)
        {
            details.Add(localizer["Signed off after the cycle closed."]);
        }

        return new ReportDocument(
            IsBlank: false,
            localizer["{0}: national report, {1}", stateName, report.CycleName],
            details,
            report.Visibility,
            report.HiddenParts > 0 ? localizer["{0} part(s) of this report are not shown: their TLP label does not reach you.", report.HiddenParts].Value : null,
            sections,
            Words(),
            $"report-{report.StateIso3.ToLowerInvariant()}-{report.CycleSlug}-v{report.VersionNumber}.docx");
    }

    private ReportSection Section(
        QuestionnairePart part, Questionnaire questionnaire, IReadOnlyDictionary<int, string> norms, PartSnapshot? snapshot, string siteUrl)
    {
        var answers = snapshot?.Answers ?? PartAnswers.Empty;
        var questions = part.OrderedQuestions.Select(question =>
        {
            var answer = answers.For(question);
            return new ReportQuestion(
                question.Key, question.Kind, localizer[Labels.QuestionKind(question.Kind)], question.Text, question.Options,
                answer?.Choices ?? [], answer?.Yes, answer?.Text, Links(answer?.EntryIds, siteUrl));
        }).ToList();
        var checklist = part.Kind != PartKind.Norms
            ? []
            : Enumerable.Range(1, Norm.Count)
                .Select(number => new ReportNorm(number, norms[number], questionnaire.ActionsOf(number).Select(action =>
                {
                    var record = answers.For(action);
                    return new ReportAction(
                        action.Key, action.Text, action.Source, localizer["Source: {0}", action.Source], record?.Status,
                        record?.Status is { } status ? localizer[Labels.Checklist(status)].Value : null,
                        record?.Measures, Links(record?.EntryIds, siteUrl), record?.Challenges, record?.CapacityNeeds);
                }).ToList()))
                .Where(n => n.Actions.Count > 0)
                .ToList();
        var guidance = part.Guidance
            .Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries)
            .Select(markdown.ToPlainText)
            .Where(p => p.Length > 0)
            .ToList();
        var visibility = snapshot is null ? (TlpLabel?)null : snapshot.Visibility;
        return new ReportSection(part.Key, part.Kind, localizer[part.Title].Value, guidance, visibility, questions, checklist);
    }

    private static List<ReportEntryLink> Links(IReadOnlyList<int>? ids, string siteUrl) =>
        (ids ?? []).Select(id => new ReportEntryLink(id, $"{siteUrl}/entries/{id}")).ToList();

    private async Task<IReadOnlyDictionary<int, string>> NormHeadingsAsync(CancellationToken cancellationToken) =>
        (await db.Norms.AsNoTracking().Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken))
            .ToDictionary(n => n.Number, n => $"{Norm.GgeReferenceFor(n.Number)} – {localizer[n.ShortTitle]}");

    private ReportWords Words() => new(
        localizer["Yes"],
        localizer["No"],
        localizer["Explanation:"],
        localizer["Answer:"],
        localizer["Published entries:"],
        localizer["Status:"],
        localizer["Measures taken:"],
        localizer["Challenges:"],
        localizer["Capacity needs:"],
        localizer["Checklist of practical actions"],
        localizer["No answer."],
        [.. Enum.GetValues<ChecklistStatus>().Select(s => localizer[Labels.Checklist(s)].Value)]);
}
