using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Common;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using M = CyberNormPortal.Web.Validation.ValidationMessages;

namespace CyberNormPortal.Web.Pages.CapacityWork;

/// <summary>What the need or offer form posts: the new page and the working copy edit the same fields the same way.</summary>
public sealed class CapacityFormInput
{
    public CapacitySide Side { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Markdown, rendered sanitised.</summary>
    public string Description { get; set; } = "";

    public List<int> Norms { get; set; } = [];

    public List<string> ActionKeys { get; set; } = [];

    public List<PracticeCategory> Categories { get; set; } = [];

    public List<KindOfHelp> Kinds { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    /// <summary>A need's preferred timing, free text.</summary>
    public string? Timing { get; set; }

    /// <summary>An offer's regions served.</summary>
    public List<RegionalGroup> Regions { get; set; } = [];

    public DateOnly? AvailableFrom { get; set; }

    public DateOnly? AvailableUntil { get; set; }

    public TlpLabel? Visibility { get; set; }

    public CapacityContent ToContent() => new(
        Title.Trim(),
        Description.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(),
        Norms,
        ActionKeys,
        Categories,
        Kinds,
        Languages,
        Side == CapacitySide.Offer ? Regions : [],
        Side == CapacitySide.Need ? Timing : null,
        Side == CapacitySide.Offer ? AvailableFrom : null,
        Side == CapacitySide.Offer ? AvailableUntil : null,
        Visibility ?? TlpLabel.Amber);

    public static CapacityFormInput From(CapacityItem item) => new()
    {
        Side = item.Side,
        Title = item.Title,
        Description = item.Description,
        Norms = [.. item.Norms],
        ActionKeys = [.. item.ActionKeys],
        Categories = [.. item.Categories],
        Kinds = [.. item.Kinds],
        Languages = [.. item.Languages],
        Timing = item.Timing,
        Regions = [.. item.Regions],
        AvailableFrom = item.AvailableFrom,
        AvailableUntil = item.AvailableUntil,
        Visibility = item.Visibility,
    };
}

/// <summary>A checklist action the form offers, under its norm.</summary>
public sealed record CapacityActionOption(string Key, int NormNumber, string Text);

/// <summary>A norm the form offers: "13(j) – its short title".</summary>
public sealed record CapacityNormOption(int Number, string Label);

/// <summary>
/// The choices of the form. Checklist actions come from one questionnaire, kept simple: the source report's when the
/// need comes from a national report, otherwise the newest questionnaire of the most recently opened open cycle; an
/// item keeps the actions it already names even when that questionnaire no longer has them.
/// </summary>
public sealed class CapacityFormOptions
{
    public IReadOnlyList<CapacityNormOption> Norms { get; private init; } = [];

    public IReadOnlyList<CapacityActionOption> Actions { get; private init; } = [];

    /// <summary>The portal's six languages, as culture names.</summary>
    public static IReadOnlyList<string> Languages { get; } = [.. PortalCultures.All.Select(c => c.Name)];

    public static async Task<CapacityFormOptions> LoadAsync(
        PortalDbContext db, IStringLocalizer localizer, int? sourceReportId, IReadOnlyCollection<string> keptActionKeys, CancellationToken cancellationToken)
    {
        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken);
        int? questionnaireId = sourceReportId is { } reportId
            ? await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => (int?)r.QuestionnaireId).SingleOrDefaultAsync(cancellationToken)
            : null;
        questionnaireId ??= await (from q in db.Questionnaires.AsNoTracking()
                                   join c in db.Cycles on q.CycleId equals c.Id
                                   where c.IsOpen
                                   orderby c.OpensOn descending, q.Version descending
                                   select (int?)q.Id).FirstOrDefaultAsync(cancellationToken);
        var actions = questionnaireId is { } id
            ? await db.Questionnaires.AsNoTracking().Where(q => q.Id == id).SelectMany(q => q.Actions)
                .OrderBy(a => a.NormNumber).ThenBy(a => a.Position)
                .Select(a => new CapacityActionOption(a.Key, a.NormNumber, a.Text)).ToListAsync(cancellationToken)
            : [];
        var missing = keptActionKeys.Where(k => actions.All(a => a.Key != k)).ToList();
        if (missing.Count > 0)
        {
            // Actions the item names from an older questionnaire: their text from any questionnaire that has them.
            var older = await db.Questionnaires.AsNoTracking().SelectMany(q => q.Actions).Where(a => missing.Contains(a.Key))
                .Select(a => new CapacityActionOption(a.Key, a.NormNumber, a.Text)).ToListAsync(cancellationToken);
            actions = [.. actions, .. older.DistinctBy(a => a.Key)];
        }

        return new CapacityFormOptions
        {
            Norms = [.. norms.Select(n => new CapacityNormOption(n.Number, $"{Norm.GgeReferenceFor(n.Number)} – {localizer[n.ShortTitle]}"))],
            Actions = actions,
        };
    }
}

/// <summary>
/// The rules of a need's or offer's form. Where the domain has the rule (<see cref="CapacityItem"/>: a title, a norm,
/// a kind of help, a language, an offer's region, a period that does not run backwards) the message is the domain's
/// own (<see cref="DomainMessages"/>); the form adds only limits and "from the list" checks.
/// </summary>
public sealed class CapacityFormValidator : AbstractValidator<CapacityFormInput>
{
    public CapacityFormValidator(IStringLocalizer localizer, CapacityFormOptions options)
    {
        RuleFor(i => i.Side).IsInEnum().WithMessage(localizer, M.ChoiceNotOffered);
        RuleFor(i => i.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer, DomainMessages.CapacityTitleRequired)
            .MaximumLength(FieldLengths.CapacityTitle).WithMessage(localizer, M.TitleTooLong, FieldLengths.CapacityTitle);
        RuleFor(i => i.Description)
            .MaximumLength(FieldLengths.CapacityDescription).WithMessage(localizer, M.CapacityDescriptionTooLong, FieldLengths.CapacityDescription);
        RuleFor(i => i.Norms)
            .Must(n => n.Count > 0 && n.All(number => number is >= 1 and <= Norm.Count)).WithMessage(localizer, DomainMessages.CapacityNormRequired);
        RuleFor(i => i.ActionKeys)
            .Must((input, keys) => keys.All(k => options.Actions.Any(a => a.Key == k && input.Norms.Contains(a.NormNumber))))
            .WithMessage(localizer, M.CapacityActionUnknown);
        RuleFor(i => i.Categories).Must(c => c.All(Enum.IsDefined)).WithMessage(localizer, M.CategoryUnknown);
        RuleFor(i => i.Kinds)
            .NotEmpty().WithMessage(localizer, DomainMessages.CapacityKindRequired)
            .Must(k => k.All(Enum.IsDefined)).WithMessage(localizer, M.CapacityKindUnknown);
        RuleFor(i => i.Languages)
            .NotEmpty().WithMessage(localizer, DomainMessages.CapacityLanguageRequired)
            .Must(l => l.All(CapacityFormOptions.Languages.Contains)).WithMessage(localizer, M.LanguageUnknown);
        RuleFor(i => i.Timing)
            .MaximumLength(FieldLengths.CapacityTiming).WithMessage(localizer, M.CapacityTimingTooLong, FieldLengths.CapacityTiming)
            .When(i => i.Side == CapacitySide.Need);
        RuleFor(i => i.Regions)
            .NotEmpty().WithMessage(localizer, DomainMessages.CapacityRegionRequired)
            .Must(r => r.All(Enum.IsDefined)).WithMessage(localizer, M.CapacityRegionUnknown)
            .When(i => i.Side == CapacitySide.Offer);
        RuleFor(i => i.AvailableUntil)
            .Must((input, until) => until >= input.AvailableFrom).WithMessage(localizer, DomainMessages.CapacityPeriodBackwards)
            .When(i => i.Side == CapacitySide.Offer && i.AvailableFrom is not null && i.AvailableUntil is not null);
        RuleFor(i => i.Visibility)
            .NotNull().WithMessage(localizer, M.CapacityVisibilityRequired)
            .IsInEnum().WithMessage(localizer, M.CapacityVisibilityRequired);
    }
}
