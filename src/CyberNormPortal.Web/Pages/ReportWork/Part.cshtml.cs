using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Authorization;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Entries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Reports;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.ReportWork;

/// <summary>
/// Fills in one part of a report: its questions and, for the Norms part, the checklist per norm. The form carries the
/// part's row version: when a colleague saved the same part meanwhile, nothing is overwritten — the page shows what
/// they saved against this user's answers, which stay in the form.
/// </summary>
public sealed class PartModel(
    PortalDbContext db, ReportService reports, IAuthorizationService authorization, StateNames stateNames, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    [BindProperty]
    public PartInput Input { get; set; } = new();

    /// <summary>The part's row version when the form was loaded.</summary>
    [BindProperty]
    public uint Version { get; set; }

    public int ReportId { get; private set; }

    public string StateName { get; private set; } = "";

    public string CycleName { get; private set; } = "";

    public QuestionnairePart Part { get; private set; } = null!;

    public IReadOnlyList<NormChecklist> Norms { get; private set; } = [];

    /// <summary>The State's published entries a question or an action can link to, by norm.</summary>
    public IReadOnlyList<(int Id, int NormNumber, string Title)> Entries { get; private set; } = [];

    /// <summary>The checklist actions whose saved answer records a capacity need: each can be posted as a need.</summary>
    public IReadOnlySet<string> ActionsWithCapacityNeeds { get; private set; } = new HashSet<string>();

    /// <summary>Set when a colleague saved this part while this user was editing it.</summary>
    public ConflictInfo? Conflict { get; private set; }

    public sealed record ConflictInfo(string SavedBy, DateTimeOffset SavedAt, IReadOnlyList<FieldDiff> Changes);

    private NationalReport _report = null!;
    private Questionnaire _questionnaire = null!;

    public async Task<IActionResult> OnGetAsync(int id, string partKey, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, partKey, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var part = _report.Part(partKey);
        Input = PartInput.From(Part, Norms.SelectMany(n => n.Actions), part);
        Version = reports.VersionOf(part);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string partKey, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, partKey, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input.Align(Part, Norms.SelectMany(n => n.Actions));
        if (!await new PartInputValidator(Part, Entries.Select(e => e.Id).ToHashSet(), localizer).ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        var answers = Input.ToAnswers(Part);
        var (outcome, message) = await reports.SavePartAsync(_report, partKey, Version, answers, Input.Visibility, PortalActor.From(User)!, cancellationToken);
        switch (outcome)
        {
            case SaveOutcome.Conflict:
                await ShowConflictAsync(id, partKey, answers, cancellationToken);
                return Page();
            case SaveOutcome.Refused:
                ModelState.AddModelError(string.Empty, localizer[message!]);
                return Page();
            default:
                TempData.SetNotice(localizer["“{0}” is saved.", localizer[Part.Title]]);
                return Redirect(Url.Content(Mail.Notifications.ReportWorkPath(id)));
        }
    }

    private async Task ShowConflictAsync(int id, string partKey, PartAnswers mine, CancellationToken cancellationToken)
    {
        // Read the part as it is now; the user's own answers stay in the form, untouched.
        db.ChangeTracker.Clear();
        var current = (await reports.LoadAsync(id, cancellationToken))!.Part(partKey);
        var actions = Norms.SelectMany(n => n.Actions).ToList();
        string Status(ChecklistStatus status) => localizer[Labels.Checklist(status)];
        var theirs = ReportText.Lines(Part, actions, current.Answers, Status, localizer["Yes"], localizer["No"]);
        var yours = ReportText.Lines(Part, actions, mine, Status, localizer["Yes"], localizer["No"]);
        Conflict = new ConflictInfo(current.UpdatedByName ?? "", current.UpdatedAt ?? DateTimeOffset.MinValue,
            theirs.SequenceEqual(yours) ? [] : [new FieldDiff("Their answers, and yours", TextDiff.Lines(string.Join('\n', theirs), string.Join('\n', yours)))]);
        Version = reports.VersionOf(current);
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(
            string.Empty,
            localizer["{0} saved this part while you were editing it. Nothing of yours was saved yet: compare their answers below with yours, then save again to keep yours.", current.UpdatedByName ?? ""]);
    }

    private async Task<IActionResult?> LoadAsync(int id, string partKey, CancellationToken cancellationToken)
    {
        ReportId = id;
        var access = await reports.AccessAsync(id, cancellationToken);
        if (access is null || !(await authorization.AuthorizeAsync(User, access, ReportOperations.ReadWorkingCopy)).Succeeded)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, access, ReportOperations.Edit)).Succeeded)
        {
            if (access.Status is not (EntryStatus.Submitted or EntryStatus.AwaitingModeration or EntryStatus.Withdrawn))
            {
                return Forbid();
            }

            TempData.SetNotice(localizer[Domain.Common.DomainMessages.ReportInReview]);
            return Redirect(Url.Content(Mail.Notifications.ReportWorkPath(id)));
        }

        _report = (await reports.LoadAsync(id, cancellationToken))!;
        _questionnaire = await reports.QuestionnaireAsync(_report.QuestionnaireId, cancellationToken);
        if (_questionnaire.Parts.SingleOrDefault(p => p.Key == partKey) is not { } part)
        {
            return NotFound();
        }

        Part = part;
        ActionsWithCapacityNeeds = _report.Parts.SelectMany(p => p.Answers.Actions)
            .Where(a => !string.IsNullOrWhiteSpace(a.CapacityNeeds)).Select(a => a.ActionKey).ToHashSet(StringComparer.Ordinal);
        var facts = await db.States.AsNoTracking().Where(s => s.Iso3 == _report.StateIso3)
            .Select(s => new { s.Name, Cycle = db.Cycles.Where(c => c.Id == _report.CycleId).Select(c => c.Name).Single() })
            .SingleAsync(cancellationToken);
        StateName = stateNames.Of(_report.StateIso3, facts.Name);
        CycleName = facts.Cycle;
        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken);
        Norms = part.Kind == PartKind.Norms
            ? norms.Select(n => new NormChecklist(n.Number, n.ShortTitle, _questionnaire.ActionsOf(n.Number).ToList())).Where(n => n.Actions.Count > 0).ToList()
            : [];
        var state = _report.StateIso3;
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.StateIso3 == state && e.PublishedRevisionNumber != null)
            .OrderBy(e => e.NormNumber).ThenByDescending(e => e.PublishedAt)
            .Select(e => new { e.Id, e.NormNumber, Title = e.Revisions.Where(r => r.Number == e.PublishedRevisionNumber).Select(r => r.Title).Single() })
            .Take(FieldLengths.LinkableEntries)
            .ToListAsync(cancellationToken);
        Entries = entries.Select(e => (e.Id, e.NormNumber, e.Title)).ToList();
        return null;
    }

    public sealed class PartInput
    {
        public TlpLabel Visibility { get; set; }

        public List<QuestionInput> Questions { get; set; } = [];

        public List<ActionInput> Actions { get; set; } = [];

        public static PartInput From(QuestionnairePart part, IEnumerable<ChecklistAction> actions, ReportPart saved) => new()
        {
            Visibility = saved.Visibility,
            Questions = part.OrderedQuestions.Select(q => saved.Answers.For(q) is { } a
                    ? new QuestionInput { Key = q.Key, Choices = [.. a.Choices], Yes = a.Yes switch { true => "yes", false => "no", _ => "" }, Text = a.Text, EntryIds = [.. a.EntryIds] }
                    : new QuestionInput { Key = q.Key })
                .ToList(),
            Actions = actions.Select(x => saved.Answers.For(x) is { } a
                    ? new ActionInput { Key = x.Key, Status = a.Status, Measures = a.Measures, EntryIds = [.. a.EntryIds], Challenges = a.Challenges, CapacityNeeds = a.CapacityNeeds }
                    : new ActionInput { Key = x.Key })
                .ToList(),
        };

        /// <summary>Puts the posted rows in the questionnaire's order, one per question and action: unknown keys are dropped.</summary>
        public void Align(QuestionnairePart part, IEnumerable<ChecklistAction> actions)
        {
            var questions = Questions.Where(q => q.Key is not null).GroupBy(q => q.Key!).ToDictionary(g => g.Key, g => g.First());
            Questions = part.OrderedQuestions.Select(q => questions.GetValueOrDefault(q.Key) ?? new QuestionInput { Key = q.Key }).ToList();
            var posted = Actions.Where(a => a.Key is not null).GroupBy(a => a.Key!).ToDictionary(g => g.Key, g => g.First());
            Actions = actions.Select(a => posted.GetValueOrDefault(a.Key) ?? new ActionInput { Key = a.Key }).ToList();
        }

        public PartAnswers ToAnswers(QuestionnairePart part) => new(
            Questions.Select(q => new QuestionAnswer(
                q.Key!, q.Choices.Where(c => !string.IsNullOrWhiteSpace(c)).ToList(), q.Yes switch { "yes" => true, "no" => false, _ => null },
                Clean(q.Text), q.EntryIds.Distinct().ToList())),
            Actions.Select(a => new ActionAnswer(a.Key!, a.Status, Clean(a.Measures), a.EntryIds.Distinct().ToList(), Clean(a.Challenges), Clean(a.CapacityNeeds))));

        private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public sealed class QuestionInput
    {
        public string? Key { get; set; }

        public List<string> Choices { get; set; } = [];

        /// <summary>"yes", "no" or empty, for a yes/no question.</summary>
        public string? Yes { get; set; }

        public string? Text { get; set; }

        public List<int> EntryIds { get; set; } = [];
    }

    public sealed class ActionInput
    {
        public string? Key { get; set; }

        public ChecklistStatus? Status { get; set; }

        public string? Measures { get; set; }

        public List<int> EntryIds { get; set; } = [];

        public string? Challenges { get; set; }

        public string? CapacityNeeds { get; set; }
    }

    /// <summary>No answer is mandatory; what is given must fit: lengths, offered options, the State's own entries.</summary>
    public sealed class PartInputValidator : AbstractValidator<PartInput>
    {
        public PartInputValidator(QuestionnairePart part, IReadOnlySet<int> linkableEntries, IStringLocalizer localizer)
        {
            var questions = part.Questions.ToDictionary(q => q.Key);
            RuleFor(i => i.Visibility).IsInEnum().WithMessage(localizer[ValidationMessages.VisibilityRequired]);
            RuleForEach(i => i.Questions).ChildRules(q =>
            {
                q.RuleFor(x => x.Text).MaximumLength(FieldLengths.AnswerText)
                    .WithMessage(localizer.Message(ValidationMessages.AnswerTooLong, FieldLengths.AnswerText));
                q.RuleFor(x => x.Choices)
                    .Must((x, choices) => choices.All(questions[x.Key!].Options.Contains))
                    .WithMessage(localizer[ValidationMessages.ChoiceNotOffered])
                    .Must((x, choices) => questions[x.Key!].Kind != QuestionKind.SingleChoice || choices.Count <= 1)
                    .WithMessage(localizer[ValidationMessages.OneChoiceOnly]);
                q.RuleFor(x => x.Yes).Must(y => y is null or "" or "yes" or "no").WithMessage(localizer[ValidationMessages.ChoiceNotOffered]);
                q.RuleFor(x => x.EntryIds).Must(ids => ids.All(linkableEntries.Contains))
                    .WithMessage(localizer[ValidationMessages.EntryNotLinkable]);
            });
            RuleForEach(i => i.Actions).ChildRules(a =>
            {
                a.RuleFor(x => x.Status).IsInEnum().WithMessage(localizer[ValidationMessages.ChoiceNotOffered]);
                a.RuleFor(x => x.Measures).MaximumLength(FieldLengths.AnswerText)
                    .WithMessage(localizer.Message(ValidationMessages.AnswerTooLong, FieldLengths.AnswerText));
                a.RuleFor(x => x.Challenges).MaximumLength(FieldLengths.AnswerText)
                    .WithMessage(localizer.Message(ValidationMessages.AnswerTooLong, FieldLengths.AnswerText));
                a.RuleFor(x => x.CapacityNeeds).MaximumLength(FieldLengths.AnswerText)
                    .WithMessage(localizer.Message(ValidationMessages.AnswerTooLong, FieldLengths.AnswerText));
                a.RuleFor(x => x.EntryIds).Must(ids => ids.All(linkableEntries.Contains))
                    .WithMessage(localizer[ValidationMessages.EntryNotLinkable]);
            });
        }
    }
}
