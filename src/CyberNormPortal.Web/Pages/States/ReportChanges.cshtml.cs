using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.States;

/// <summary>
/// What changed in a State's published report from one cycle to another, part by part and line by line. Questions
/// and actions are matched by their keys, which a questionnaire copied from an earlier cycle keeps.
/// </summary>
public sealed class ReportChangesModel(PortalDbContext db, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Iso3 { get; private set; } = "";

    public string StateName { get; private set; } = "";

    public PublishedReport From { get; private set; } = null!;

    public PublishedReport To { get; private set; } = null!;

    /// <summary>One entry per part title; a part without changes has no lines of its own.</summary>
    public IReadOnlyList<FieldDiff> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string iso3, string? from, string? to, CancellationToken cancellationToken)
    {
        if (!State.LooksLikeIso3(iso3) || string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            return NotFound();
        }

        Iso3 = State.NormaliseIso3(iso3);
        var reader = Reader.From(User);
        if (await db.LoadPublishedAsync(Iso3, from, reader, cancellationToken) is not { } earlier
            || await db.LoadPublishedAsync(Iso3, to, reader, cancellationToken) is not { } later)
        {
            return NotFound();
        }

        (From, To) = (earlier, later);
        StateName = names.Of(Iso3, await db.States.Where(s => s.Iso3 == Iso3).Select(s => s.Name).SingleAsync(cancellationToken));
        string Status(ChecklistStatus status) => localizer[Labels.Checklist(status)];
        IReadOnlyList<string> LinesOf(PublishedReport report, QuestionnairePart part) =>
            report.Part(part.Key) is { } snapshot
                ? ReportText.Lines(part, part.Kind == PartKind.Norms ? report.Questionnaire.Actions : [], snapshot.Answers, Status, localizer["Yes"], localizer["No"])
                : [];
        var parts = later.Questionnaire.OrderedParts
            .Concat(earlier.Questionnaire.OrderedParts.Where(p => later.Questionnaire.Parts.All(l => l.Key != p.Key)));
        Changes = parts
            .Select(part =>
            {
                var before = earlier.Questionnaire.Parts.FirstOrDefault(p => p.Key == part.Key) is { } old ? LinesOf(earlier, old) : [];
                var after = later.Questionnaire.Parts.FirstOrDefault(p => p.Key == part.Key) is { } now ? LinesOf(later, now) : [];
                return new FieldDiff(part.Title, before.SequenceEqual(after) ? [] : TextDiff.Lines(string.Join('\n', before), string.Join('\n', after)));
            })
            .ToList();
        return Page();
    }
}
