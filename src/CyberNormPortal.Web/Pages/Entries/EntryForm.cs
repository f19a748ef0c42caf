using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using M = CyberNormPortal.Web.Validation.ValidationMessages;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>What the new-entry and edit forms post. Shared, because both pages edit the same fields the same way.</summary>
public sealed class EntryFormInput
{
    public const int ReferenceRows = 3;

    public int? NormNumber { get; set; }

    public int? CycleId { get; set; }

    public EntryKind? Kind { get; set; }

    public List<PracticeCategory> PracticeCategories { get; set; } = [];

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Body { get; set; } = "";

    public string Language { get; set; } = "en";

    public TlpLabel? Visibility { get; set; }

    public List<ReferenceInput> References { get; set; } = [];

    /// <summary>The title, summary and body in other languages; a row left wholly blank is no translation.</summary>
    public List<TranslationInput> Translations { get; set; } = [];

    /// <summary>The translations the author filled in.</summary>
    public IEnumerable<TranslationInput> FilledTranslations => Translations.Where(t => t.IsFilled);

    /// <summary>The references the author filled in: rows left wholly blank are not references.</summary>
    public IEnumerable<ReferenceInput> FilledReferences =>
        References.Where(r => !string.IsNullOrWhiteSpace(r.Title) || !string.IsNullOrWhiteSpace(r.Url));

    public EntryContent ToContent() => new(
        Kind!.Value,
        Title.Trim(),
        Summary.Trim(),
        Normalized(Body),
        Language,
        Visibility!.Value,
        PracticeCategories.Distinct().ToList(),
        FilledReferences.Select(r => new EntryReference(r.Title.Trim(), r.Url.Trim(), r.Kind)).ToList())
    {
        Translations = [.. FilledTranslations.Select(t => new EntryTranslation(t.Language, t.Title.Trim(), t.Summary.Trim(), Normalized(t.Body)))],
    };

    private static string Normalized(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    public static EntryFormInput From(int normNumber, int cycleId, Revision revision) => new()
    {
        NormNumber = normNumber,
        CycleId = cycleId,
        Kind = revision.Kind,
        PracticeCategories = [.. revision.PracticeCategories],
        Title = revision.Title,
        Summary = revision.Summary,
        Body = revision.Body,
        Language = revision.Language,
        Visibility = revision.Visibility,
        References = [.. revision.References.Select(r => new ReferenceInput { Title = r.Title, Url = r.Url, Kind = r.Kind })],
        Translations = [.. revision.Translations.Select(t => new TranslationInput { Language = t.Language, Title = t.Title, Summary = t.Summary, Body = t.Body })],
    };

    /// <summary>An empty translation row after the filled ones, so one more can be added without JavaScript.</summary>
    public void PadTranslations()
    {
        Translations = [.. FilledTranslations, new TranslationInput()];
    }

    /// <summary>Blank rows so that a few more references can be added without JavaScript.</summary>
    public void PadReferences(int extra = ReferenceRows)
    {
        References = [.. FilledReferences];
        for (var i = 0; i < extra; i++)
        {
            References.Add(new ReferenceInput());
        }
    }
}

public sealed class TranslationInput
{
    /// <summary>One of the portal's six languages (<see cref="Localization.PortalCultures"/>), not the original's.</summary>
    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Body { get; set; } = "";

    public bool IsFilled =>
        !string.IsNullOrWhiteSpace(Language) || !string.IsNullOrWhiteSpace(Title) || !string.IsNullOrWhiteSpace(Summary) || !string.IsNullOrWhiteSpace(Body);
}

public sealed class ReferenceInput
{
    public string Title { get; set; } = "";

    public string Url { get; set; } = "";

    public ReferenceKind Kind { get; set; } = ReferenceKind.Other;
}

/// <summary>
/// The rules of an entry's text. The norm and cycle must exist and the cycle must be open for new entries
/// (an existing entry keeps its cycle even after it closes). A translation is in one of the portal's six languages,
/// not the original's, one per language, with a title, summary and body within the original's limits. Every message
/// is a key of Resources/SharedResource.resx, localised here for the reader.
/// </summary>
public sealed class EntryFormValidator : AbstractValidator<EntryFormInput>
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es", "ar", "ru", "zh", "de", "it", "ja", "pt", "ko", "sw"];

    /// <summary>The languages a translation may be in: the portal's six.</summary>
    public static IReadOnlyList<string> TranslationLanguages => [.. PortalCultures.All.Select(c => c.Name)];

    public EntryFormValidator(PortalDbContext db, IStringLocalizer localizer, int? acceptedCycleId = null)
    {
        RuleFor(i => i.NormNumber)
            .NotNull().WithMessage(localizer, M.NormRequired)
            .MustAsync((number, ct) => db.Norms.AnyAsync(n => n.Number == number, ct))
            .When(i => i.NormNumber is not null, ApplyConditionTo.CurrentValidator).WithMessage(localizer, M.NormUnknown);
        RuleFor(i => i.CycleId)
            .NotNull().WithMessage(localizer, M.CycleRequired)
            .MustAsync(async (id, ct) => id == acceptedCycleId || await db.Cycles.AnyAsync(c => c.Id == id && c.IsOpen, ct))
            .When(i => i.CycleId is not null, ApplyConditionTo.CurrentValidator).WithMessage(localizer, M.CycleNotOpen);
        RuleFor(i => i.Kind).NotNull().WithMessage(localizer, M.KindRequired)
            .IsInEnum().WithMessage(localizer, M.KindRequired);
        RuleFor(i => i.PracticeCategories).NotEmpty().WithMessage(localizer, M.CategoryRequired);
        RuleForEach(i => i.PracticeCategories).IsInEnum().WithMessage(localizer, M.CategoryUnknown);
        RuleFor(i => i.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer, M.TitleRequired)
            .MaximumLength(FieldLengths.EntryTitle).WithMessage(localizer, M.TitleTooLong, FieldLengths.EntryTitle);
        RuleFor(i => i.Summary)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer, M.SummaryRequired)
            .MaximumLength(FieldLengths.EntrySummary).WithMessage(localizer, M.SummaryTooLong, FieldLengths.EntrySummary);
        RuleFor(i => i.Body)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer, M.BodyRequired)
            .MaximumLength(FieldLengths.EntryBody).WithMessage(localizer, M.BodyTooLong, FieldLengths.EntryBody);
        RuleFor(i => i.Language).Must(language => Languages.Contains(language)).WithMessage(localizer, M.LanguageRequired);
        RuleFor(i => i.Visibility).NotNull().WithMessage(localizer, M.VisibilityRequired)
            .IsInEnum().WithMessage(localizer, M.VisibilityRequired);
        RuleForEach(i => i.References).ChildRules(reference =>
        {
            reference.RuleFor(r => r.Title)
                .Must(t => !string.IsNullOrWhiteSpace(t)).When(r => !string.IsNullOrWhiteSpace(r.Url), ApplyConditionTo.CurrentValidator).WithMessage(localizer, M.ReferenceTitleRequired)
                .MaximumLength(FieldLengths.ReferenceTitle).WithMessage(localizer, M.ReferenceTitleTooLong, FieldLengths.ReferenceTitle);
            reference.RuleFor(r => r.Url)
                .Must(t => !string.IsNullOrWhiteSpace(t)).When(r => !string.IsNullOrWhiteSpace(r.Title), ApplyConditionTo.CurrentValidator).WithMessage(localizer, M.ReferenceUrlRequired)
                .Must(IsWebAddress).When(r => !string.IsNullOrWhiteSpace(r.Url), ApplyConditionTo.CurrentValidator).WithMessage(localizer, M.ReferenceUrlInvalid)
                .MaximumLength(FieldLengths.WebAddress).WithMessage(localizer, M.ReferenceUrlTooLong, FieldLengths.WebAddress);
            reference.RuleFor(r => r.Kind).IsInEnum().WithMessage(localizer, M.ReferenceKindRequired);
        });

        // A translation: the same limits as the original, in a language of its own.
        RuleForEach(i => i.Translations).Where(t => t.IsFilled).ChildRules(translation =>
        {
            translation.RuleFor(t => t.Language)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer, M.TranslationLanguageRequired)
                .Must(t => TranslationLanguages.Contains(t)).When(t => !string.IsNullOrWhiteSpace(t.Language), ApplyConditionTo.CurrentValidator)
                .WithMessage(localizer, M.TranslationLanguageUnknown);
            translation.RuleFor(t => t.Title)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer, M.TranslationTitleRequired)
                .MaximumLength(FieldLengths.EntryTitle).WithMessage(localizer, M.TitleTooLong, FieldLengths.EntryTitle);
            translation.RuleFor(t => t.Summary)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer, M.TranslationSummaryRequired)
                .MaximumLength(FieldLengths.EntrySummary).WithMessage(localizer, M.SummaryTooLong, FieldLengths.EntrySummary);
            translation.RuleFor(t => t.Body)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(localizer, M.TranslationBodyRequired)
                .MaximumLength(FieldLengths.EntryBody).WithMessage(localizer, M.BodyTooLong, FieldLengths.EntryBody);
        });
        RuleForEach(i => i.Translations).Where(t => t.IsFilled).Custom((translation, context) =>
        {
            var input = context.InstanceToValidate;
            // Named relative to the translation: FluentValidation puts it under "Translations[i]".
            const string key = nameof(TranslationInput.Language);
            if (LanguageVersions.SameLanguage(translation.Language, input.Language))
            {
                context.AddFailure(key, localizer[M.TranslationSameLanguage]);
            }
            else if (input.FilledTranslations.TakeWhile(t => !ReferenceEquals(t, translation))
                     .Any(t => LanguageVersions.SameLanguage(t.Language, translation.Language)))
            {
                context.AddFailure(key, localizer[M.TranslationTwice]);
            }
        });
    }

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
