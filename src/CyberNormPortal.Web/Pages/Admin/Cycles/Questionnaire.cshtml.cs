using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Configurations;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Admin.Cycles;

/// <summary>
/// The secretariat's editor of a cycle's questionnaire: its latest version, with its parts, questions and the checklist
/// of practical actions per norm. A frozen version (a State started answering it) is only shown; a change then makes the
/// next version. Every change is audited and checked against the version the moderator read (the row's xmin).
/// </summary>
public sealed class QuestionnaireModel(
    PortalDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The key of the form that holds errors about the questionnaire as a whole (a concurrent change).</summary>
    public const string WholeForm = "";

    public int Id { get; private set; }

    public string CycleName { get; private set; } = "";

    public Questionnaire? Current { get; private set; }

    public IReadOnlyList<NormOption> Norms { get; private set; } = [];

    /// <summary>Cycles with a questionnaire to copy from.</summary>
    public IReadOnlyList<CycleOption> Earlier { get; private set; } = [];

    /// <summary>The part, question or action whose edit form is open, by key; null for the overview.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    /// <summary>The row version of the questionnaire the form was read from.</summary>
    [BindProperty]
    public uint RowVersion { get; set; }

    [BindProperty]
    public PartInput Part { get; set; } = new();

    [BindProperty]
    public QuestionInput Question { get; set; } = new();

    [BindProperty]
    public ActionInput Checklist { get; set; } = new();

    [BindProperty]
    public CopyInput Copy { get; set; } = new();

    [BindProperty]
    public RemoveInput Remove { get; set; } = new();

    public QuestionnairePart? EditedPart => Edit is null ? null : Current?.Parts.FirstOrDefault(p => p.Key == Edit);

    public Question? EditedQuestion => Edit is null ? null : Current?.Parts.SelectMany(p => p.Questions).FirstOrDefault(q => q.Key == Edit);

    public ChecklistAction? EditedAction => Edit is null ? null : Current?.Actions.FirstOrDefault(a => a.Key == Edit);

    public QuestionnairePart? NormsPart => Current?.Parts.FirstOrDefault(p => p.Kind == PartKind.Norms);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Edit is not null && (Current is null || Current.IsFrozen || (EditedPart is null && EditedQuestion is null && EditedAction is null)))
        {
            return NotFound();
        }

        Prefill();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Current is not null)
        {
            return RedirectToSelf(id);
        }

        var questionnaire = Questionnaire.CreateDefault(id, DefaultTitles(localizer), clock.GetUtcNow());
        db.Questionnaires.Add(questionnaire);
        return await SaveAsync(id, questionnaire, "Created version 1 with the four default parts", localizer["The questionnaire is created."]);
    }

    public async Task<IActionResult> OnPostCopyAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Current is not null)
        {
            return RedirectToSelf(id);
        }

        if (!await new CopyValidator(Earlier, localizer).ValidateIntoAsync(Copy, ModelState, nameof(Copy), cancellationToken))
        {
            return Page();
        }

        var source = await Latest(tracked: false).Where(q => q.CycleId == Copy.FromCycleId).FirstAsync(cancellationToken);
        var copy = source.CopyFor(id, clock.GetUtcNow());
        db.Questionnaires.Add(copy);
        var from = Earlier.Single(c => c.Id == Copy.FromCycleId);
        return await SaveAsync(id, copy, $"Copied from {from.Name} (version {source.Version}), keys kept", localizer["The questionnaire is copied from {0}.", from.Name]);
    }

    public async Task<IActionResult> OnPostNewVersionAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Current is null || !Current.IsFrozen)
        {
            return RedirectToSelf(id);
        }

        var latest = await Latest(tracked: false).Where(q => q.Id == Current.Id).SingleAsync(cancellationToken);
        var next = latest.NextVersion(clock.GetUtcNow());
        db.Questionnaires.Add(next);
        return await SaveAsync(id, next, $"Made version {next.Version} from version {latest.Version}", localizer["Version {0} is ready to edit.", next.Version]);
    }

    public Task<IActionResult> OnPostSavePartAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, nameof(Part), Part.Key, () => new PartValidator(localizer).ValidateIntoAsync(Part, ModelState, nameof(Part), cancellationToken), q =>
        {
            if (Part.Key is { Length: > 0 } key)
            {
                q.EditPart(key, Part.Title, Part.Guidance ?? "");
                return $"Edited part {key}: {Part.Title}";
            }

            var part = q.AddPart(Part.Kind!.Value, Part.Title, Part.Guidance ?? "");
            return $"Added part {part.Key} ({part.Kind}): {part.Title}";
        }, cancellationToken);

    public Task<IActionResult> OnPostSaveQuestionAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, nameof(Question), Question.Key, () => new QuestionValidator(localizer).ValidateIntoAsync(Question, ModelState, nameof(Question), cancellationToken), q =>
        {
            var options = QuestionInput.Lines(Question.Options);
            if (Question.Key is { Length: > 0 } key)
            {
                q.EditQuestion(key, Question.Kind!.Value, Question.Text, options);
                return $"Edited question {key} ({Question.Kind}): {Question.Text}";
            }

            var question = q.AddQuestion(Question.PartKey, Question.Kind!.Value, Question.Text, options);
            return $"Added question {question.Key} ({question.Kind}) to part {Question.PartKey}: {question.Text}";
        }, cancellationToken);

    public Task<IActionResult> OnPostSaveActionAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, nameof(Checklist), Checklist.Key, () => new ActionValidator(localizer).ValidateIntoAsync(Checklist, ModelState, nameof(Checklist), cancellationToken), q =>
        {
            if (Checklist.Key is { Length: > 0 } key)
            {
                q.EditAction(key, Checklist.Text, Checklist.Source);
                return $"Edited action {key}: {Checklist.Text} ({Checklist.Source})";
            }

            var action = q.AddAction(Checklist.NormNumber!.Value, Checklist.Text, Checklist.Source);
            return $"Added action {action.Key} to norm {action.NormNumber}: {action.Text} ({action.Source})";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemovePartAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, WholeForm, null, () => Task.FromResult(true), q =>
        {
            q.RemovePart(Remove.Key);
            return $"Removed part {Remove.Key}";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveQuestionAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, WholeForm, null, () => Task.FromResult(true), q =>
        {
            q.RemoveQuestion(Remove.Key);
            return $"Removed question {Remove.Key}";
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveActionAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, WholeForm, null, () => Task.FromResult(true), q =>
        {
            q.RemoveAction(Remove.Key);
            return $"Removed action {Remove.Key}";
        }, cancellationToken);

    /// <summary>The default parts' titles in the moderator's language.</summary>
    public static IReadOnlyDictionary<PartKind, string> DefaultTitles(IStringLocalizer localizer) => new Dictionary<PartKind, string>
    {
        [PartKind.InternationalLaw] = localizer[Labels.PartKind(PartKind.InternationalLaw)],
        [PartKind.Norms] = localizer[Labels.PartKind(PartKind.Norms)],
        [PartKind.ConfidenceBuilding] = localizer[Labels.PartKind(PartKind.ConfidenceBuilding)],
        [PartKind.CapacityBuilding] = localizer[Labels.PartKind(PartKind.CapacityBuilding)],
    };

    /// <summary>
    /// One change of the latest version: validated input, then the domain's rule, then a save checked against the row
    /// version the form was read from. A refusal stands next to the form, with what was typed.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        int id, string form, string? editedKey, Func<Task<bool>> validate, Func<Questionnaire, string> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Current is null)
        {
            return NotFound();
        }

        Edit = editedKey is { Length: > 0 } ? editedKey : null;
        if (!await validate())
        {
            return Page();
        }

        var questionnaire = await Latest(tracked: true).Where(q => q.Id == Current.Id).SingleAsync(cancellationToken);
        var entry = db.Entry(questionnaire);
        entry.Property<uint>(QuestionnaireConfiguration.RowVersionProperty).OriginalValue = RowVersion;
        string details;
        try
        {
            details = change(questionnaire);
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(form, localizer[refusal.Message]);
            return Page();
        }

        // The questionnaire's own row is written with every change, so a change based on an outdated read (or made
        // while a State started answering) fails on its row version instead of slipping through.
        entry.Property(q => q.CreatedAt).IsModified = true;
        return await SaveAsync(id, questionnaire, details, localizer["The questionnaire is saved."], form);
    }

    private async Task<IActionResult> SaveAsync(int id, Questionnaire questionnaire, string details, string notice, string form = WholeForm)
    {
        var slug = await db.Cycles.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync(HttpContext.RequestAborted);
        audit.Add(AuditActions.QuestionnaireChanged, AuditSubjects.Questionnaire(slug, questionnaire.Version), details);
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // Someone else changed the questionnaire, made a version, or a State started answering, since this page
            // was read (the row version or the unique version number says so).
            db.ChangeTracker.Clear();
            ModelState.Remove(nameof(RowVersion));
            await LoadAsync(id, HttpContext.RequestAborted);
            ModelState.AddModelError(form, localizer[ValidationMessages.QuestionnaireChangedMeanwhile]);
            return Page();
        }

        TempData.SetNotice(notice);
        return RedirectToSelf(id);
    }

    private RedirectResult RedirectToSelf(int id) => Redirect(Url.Content($"~/admin/cycles/{id}/questionnaire"));

    private IQueryable<Questionnaire> Latest(bool tracked)
    {
        var query = db.Questionnaires.Include(q => q.Parts).ThenInclude(p => p.Questions).Include(q => q.Actions).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).OrderByDescending(q => q.Version);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var name = await db.Cycles.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        CycleName = name;
        Current = await Latest(tracked: false).Where(q => q.CycleId == id).FirstOrDefaultAsync(cancellationToken);
        if (Current is not null && !ModelState.ContainsKey(nameof(RowVersion)))
        {
            RowVersion = await db.Questionnaires.Where(q => q.Id == Current.Id)
                .Select(q => EF.Property<uint>(q, QuestionnaireConfiguration.RowVersionProperty)).SingleAsync(cancellationToken);
        }

        Norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new NormOption(n.Number, n.ShortTitle)).ToListAsync(cancellationToken);
        Earlier = await db.Cycles.AsNoTracking()
            .Where(c => c.Id != id && db.Questionnaires.Any(q => q.CycleId == c.Id))
            .OrderByDescending(c => c.OpensOn).Select(c => new CycleOption(c.Id, c.Name)).ToListAsync(cancellationToken);
        return true;
    }

    private void Prefill()
    {
        if (EditedPart is { } part)
        {
            Part = new PartInput { Key = part.Key, Kind = part.Kind, Title = part.Title, Guidance = part.Guidance };
        }
        else if (EditedQuestion is { } question)
        {
            Question = new QuestionInput { Key = question.Key, Kind = question.Kind, Text = question.Text, Options = string.Join('\n', question.Options) };
        }
        else if (EditedAction is { } action)
        {
            Checklist = new ActionInput { Key = action.Key, NormNumber = action.NormNumber, Text = action.Text, Source = action.Source };
        }
    }

    public sealed record NormOption(int Number, string ShortTitle)
    {
        public string Reference => Norm.GgeReferenceFor(Number);
    }

    public sealed record CycleOption(int Id, string Name);

    public sealed class PartInput
    {
        /// <summary>Empty for a new part.</summary>
        public string? Key { get; set; }

        public PartKind? Kind { get; set; }

        public string Title { get; set; } = "";

        public string? Guidance { get; set; }
    }

    public sealed class PartValidator : AbstractValidator<PartInput>
    {
        public PartValidator(IStringLocalizer localizer)
        {
            RuleFor(i => i.Key).MaximumLength(FieldLengths.ItemKey);
            RuleFor(i => i.Kind).NotNull().When(i => string.IsNullOrEmpty(i.Key)).WithMessage(localizer, ValidationMessages.PartKindRequired)
                .IsInEnum().WithMessage(localizer, ValidationMessages.PartKindRequired);
            RuleFor(i => i.Title).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, DomainMessages.QuestionnaireTitleRequired)
                .MaximumLength(FieldLengths.QuestionText).WithMessage(localizer, ValidationMessages.PartTitleTooLong, FieldLengths.QuestionText);
            RuleFor(i => i.Guidance).MaximumLength(FieldLengths.Guidance)
                .WithMessage(localizer, ValidationMessages.GuidanceTooLong, FieldLengths.Guidance);
        }
    }

    public sealed class QuestionInput
    {
        /// <summary>Empty for a new question.</summary>
        public string? Key { get; set; }

        /// <summary>The part a new question goes in.</summary>
        public string PartKey { get; set; } = "";

        public QuestionKind? Kind { get; set; }

        public string Text { get; set; } = "";

        /// <summary>The options of a choice question, one per line.</summary>
        public string? Options { get; set; }

        /// <summary>The one reading of "one per line": trimmed, blank lines dropped.</summary>
        public static IReadOnlyList<string> Lines(string? text) =>
            (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }

    public sealed class QuestionValidator : AbstractValidator<QuestionInput>
    {
        public QuestionValidator(IStringLocalizer localizer)
        {
            RuleFor(i => i.Key).MaximumLength(FieldLengths.ItemKey);
            RuleFor(i => i.PartKey).Cascade(CascadeMode.Stop)
                .NotEmpty().When(i => string.IsNullOrEmpty(i.Key)).WithMessage(localizer, ValidationMessages.QuestionPartRequired)
                .MaximumLength(FieldLengths.ItemKey).WithMessage(localizer, ValidationMessages.QuestionPartRequired);
            RuleFor(i => i.Kind).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(localizer, ValidationMessages.QuestionKindRequired)
                .IsInEnum().WithMessage(localizer, ValidationMessages.QuestionKindRequired);
            RuleFor(i => i.Text).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, DomainMessages.QuestionTextRequired)
                .MaximumLength(FieldLengths.QuestionText).WithMessage(localizer, ValidationMessages.QuestionTextTooLong, FieldLengths.QuestionText);
            RuleFor(i => i.Options)
                .Must(o => QuestionInput.Lines(o).Distinct(StringComparer.Ordinal).Count() >= 2)
                .When(i => i.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
                .WithMessage(localizer, DomainMessages.QuestionNeedsOptions);
            RuleFor(i => i.Options)
                .Must(o => QuestionInput.Lines(o).All(l => l.Length <= FieldLengths.QuestionText))
                .WithMessage(localizer, ValidationMessages.QuestionTextTooLong, FieldLengths.QuestionText);
        }
    }

    public sealed class ActionInput
    {
        /// <summary>Empty for a new action.</summary>
        public string? Key { get; set; }

        public int? NormNumber { get; set; }

        public string Text { get; set; } = "";

        public string Source { get; set; } = "";
    }

    public sealed class ActionValidator : AbstractValidator<ActionInput>
    {
        public ActionValidator(IStringLocalizer localizer)
        {
            RuleFor(i => i.Key).MaximumLength(FieldLengths.ItemKey);
            RuleFor(i => i.NormNumber).Cascade(CascadeMode.Stop)
                .NotNull().When(i => string.IsNullOrEmpty(i.Key)).WithMessage(localizer, ValidationMessages.ActionNormRequired)
                .Must(n => n is null || Norm.IsValidNumber(n.Value)).WithMessage(localizer, ValidationMessages.NormUnknown);
            RuleFor(i => i.Text).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, DomainMessages.ActionTextRequired)
                .MaximumLength(FieldLengths.QuestionText).WithMessage(localizer, ValidationMessages.ActionTextTooLong, FieldLengths.QuestionText);
            RuleFor(i => i.Source).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(localizer, DomainMessages.ActionSourceRequired)
                .MaximumLength(FieldLengths.ActionSource).WithMessage(localizer, ValidationMessages.ActionSourceTooLong, FieldLengths.ActionSource);
        }
    }

    public sealed class CopyInput
    {
        public int? FromCycleId { get; set; }
    }

    public sealed class CopyValidator : AbstractValidator<CopyInput>
    {
        public CopyValidator(IReadOnlyList<CycleOption> earlier, IStringLocalizer localizer) =>
            RuleFor(i => i.FromCycleId).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(localizer, ValidationMessages.CopyCycleRequired)
                .Must(id => earlier.Any(c => c.Id == id)).WithMessage(localizer, ValidationMessages.CopyCycleRequired);
    }

    public sealed class RemoveInput
    {
        public string Key { get; set; } = "";
    }
}
