using System.Globalization;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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

    public EntryFormValidator(PortalDbContext db, IStringLocalizer<SharedResource> localizer, int? acceptedCycleId = null)
    {
        var l = localizer;
        RuleFor(i => i.NormNumber)
            .NotNull().WithMessage(l["Choose the norm this entry is about."])
            .MustAsync((number, ct) => db.Norms.AnyAsync(n => n.Number == number, ct))
            .When(i => i.NormNumber is not null, ApplyConditionTo.CurrentValidator).WithMessage(l["Choose one of the eleven norms."]);
        RuleFor(i => i.CycleId)
            .NotNull().WithMessage(l["Choose the reporting cycle."])
            .MustAsync(async (id, ct) => id == acceptedCycleId || await db.Cycles.AnyAsync(c => c.Id == id && c.IsOpen, ct))
            .When(i => i.CycleId is not null, ApplyConditionTo.CurrentValidator).WithMessage(l["Choose a reporting cycle that is open for entries."]);
        RuleFor(i => i.Kind).NotNull().WithMessage(l["Choose what kind of entry this is."])
            .IsInEnum().WithMessage(l["Choose what kind of entry this is."]);
        RuleFor(i => i.PracticeCategories).NotEmpty().WithMessage(l["Choose at least one practice category."]);
        RuleForEach(i => i.PracticeCategories).IsInEnum().WithMessage(l["Choose practice categories from the list."]);
        RuleFor(i => i.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(l["Enter a title."])
            .MaximumLength(FieldLengths.EntryTitle).WithMessage(TitleTooLong(l));
        RuleFor(i => i.Summary)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(l["Enter a one-paragraph summary."])
            .MaximumLength(FieldLengths.EntrySummary).WithMessage(SummaryTooLong(l));
        RuleFor(i => i.Body)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(l["Describe what was done in the body."])
            .MaximumLength(FieldLengths.EntryBody).WithMessage(BodyTooLong(l));
        RuleFor(i => i.Language).Must(language => Languages.Contains(language)).WithMessage(l["Choose the language the entry is written in."]);
        RuleFor(i => i.Visibility).NotNull().WithMessage(l["Choose who may read the entry (its TLP label)."])
            .IsInEnum().WithMessage(l["Choose who may read the entry (its TLP label)."]);
        RuleForEach(i => i.References).ChildRules(reference =>
        {
            reference.RuleFor(r => r.Title)
                .Must(t => !string.IsNullOrWhiteSpace(t)).When(r => !string.IsNullOrWhiteSpace(r.Url), ApplyConditionTo.CurrentValidator).WithMessage(l["Give the reference a title."])
                .MaximumLength(FieldLengths.ReferenceTitle).WithMessage(l["A reference title can have at most {0} characters.", FieldLengths.ReferenceTitle]);
            reference.RuleFor(r => r.Url)
                .Must(t => !string.IsNullOrWhiteSpace(t)).When(r => !string.IsNullOrWhiteSpace(r.Title), ApplyConditionTo.CurrentValidator).WithMessage(l["Give the reference's web address."])
                .Must(IsWebAddress).When(r => !string.IsNullOrWhiteSpace(r.Url), ApplyConditionTo.CurrentValidator).WithMessage(l["Enter a web address starting with http:// or https://."])
                .MaximumLength(FieldLengths.WebAddress).WithMessage(l["A web address can have at most {0} characters.", FieldLengths.WebAddress.ToString("N0", CultureInfo.CurrentCulture)]);
            reference.RuleFor(r => r.Kind).IsInEnum().WithMessage(l["Choose the kind of document."]);
        });

        // A translation: the same limits as the original, in a language of its own.
        RuleForEach(i => i.Translations).Where(t => t.IsFilled).ChildRules(translation =>
        {
            translation.RuleFor(t => t.Language)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(l["Choose the language of the translation."])
                .Must(t => TranslationLanguages.Contains(t)).When(t => !string.IsNullOrWhiteSpace(t.Language), ApplyConditionTo.CurrentValidator)
                .WithMessage(l["A translation can be in Arabic, Chinese, English, French, Russian or Spanish."]);
            translation.RuleFor(t => t.Title)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(l["Enter the title in the translation's language."])
                .MaximumLength(FieldLengths.EntryTitle).WithMessage(TitleTooLong(l));
            translation.RuleFor(t => t.Summary)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(l["Enter the summary in the translation's language."])
                .MaximumLength(FieldLengths.EntrySummary).WithMessage(SummaryTooLong(l));
            translation.RuleFor(t => t.Body)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(l["Enter the body in the translation's language."])
                .MaximumLength(FieldLengths.EntryBody).WithMessage(BodyTooLong(l));
        });
        RuleForEach(i => i.Translations).Where(t => t.IsFilled).Custom((translation, context) =>
        {
            var input = context.InstanceToValidate;
            // Named relative to the translation: FluentValidation puts it under "Translations[i]".
            const string key = nameof(TranslationInput.Language);
            if (LanguageVersions.SameLanguage(translation.Language, input.Language))
            {
                context.AddFailure(key, l["A translation must be in another language than the original."]);
            }
            else if (input.FilledTranslations.TakeWhile(t => !ReferenceEquals(t, translation))
                     .Any(t => LanguageVersions.SameLanguage(t.Language, translation.Language)))
            {
                context.AddFailure(key, l["There is already a translation into this language."]);
            }
        });
    }

    private static string TitleTooLong(IStringLocalizer l) => l["The title can have at most {0} characters.", FieldLengths.EntryTitle];

    private static string SummaryTooLong(IStringLocalizer l) =>
        l["The summary can have at most {0} characters.", FieldLengths.EntrySummary.ToString("N0", CultureInfo.CurrentCulture)];

    private static string BodyTooLong(IStringLocalizer l) =>
        l["The body can have at most {0} characters.", FieldLengths.EntryBody.ToString("N0", CultureInfo.CurrentCulture)];

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
