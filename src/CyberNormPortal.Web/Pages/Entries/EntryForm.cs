using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
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

    /// <summary>The references the author filled in: rows left wholly blank are not references.</summary>
    public IEnumerable<ReferenceInput> FilledReferences =>
        References.Where(r => !string.IsNullOrWhiteSpace(r.Title) || !string.IsNullOrWhiteSpace(r.Url));

    public EntryContent ToContent() => new(
        Kind!.Value,
        Title.Trim(),
        Summary.Trim(),
        Body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(),
        Language,
        Visibility!.Value,
        PracticeCategories.Distinct().ToList(),
        FilledReferences.Select(r => new EntryReference(r.Title.Trim(), r.Url.Trim(), r.Kind)).ToList());

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
    };

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

public sealed class ReferenceInput
{
    public string Title { get; set; } = "";

    public string Url { get; set; } = "";

    public ReferenceKind Kind { get; set; } = ReferenceKind.Other;
}

/// <summary>
/// The rules of an entry's text. The norm and cycle must exist and the cycle must be open for new entries
/// (an existing entry keeps its cycle even after it closes).
/// </summary>
public sealed class EntryFormValidator : AbstractValidator<EntryFormInput>
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es", "ar", "ru", "zh", "de", "it", "ja", "pt", "ko", "sw"];

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
    }

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
