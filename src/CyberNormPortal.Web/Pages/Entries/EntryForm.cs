using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

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

    public EntryFormValidator(PortalDbContext db, int? acceptedCycleId = null)
    {
        RuleFor(i => i.NormNumber)
            .NotNull().WithMessage("Choose the norm this entry is about.")
            .MustAsync((number, ct) => db.Norms.AnyAsync(n => n.Number == number, ct))
            .When(i => i.NormNumber is not null, ApplyConditionTo.CurrentValidator).WithMessage("Choose one of the eleven norms.");
        RuleFor(i => i.CycleId)
            .NotNull().WithMessage("Choose the reporting cycle.")
            .MustAsync(async (id, ct) => id == acceptedCycleId || await db.Cycles.AnyAsync(c => c.Id == id && c.IsOpen, ct))
            .When(i => i.CycleId is not null, ApplyConditionTo.CurrentValidator).WithMessage("Choose a reporting cycle that is open for entries.");
        RuleFor(i => i.Kind).NotNull().WithMessage("Choose what kind of entry this is.")
            .IsInEnum().WithMessage("Choose what kind of entry this is.");
        RuleFor(i => i.PracticeCategories).NotEmpty().WithMessage("Choose at least one practice category.");
        RuleForEach(i => i.PracticeCategories).IsInEnum().WithMessage("Choose practice categories from the list.");
        RuleFor(i => i.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a title.")
            .MaximumLength(FieldLengths.EntryTitle).WithMessage($"The title can have at most {FieldLengths.EntryTitle} characters.");
        RuleFor(i => i.Summary)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a one-paragraph summary.")
            .MaximumLength(FieldLengths.EntrySummary).WithMessage($"The summary can have at most {FieldLengths.EntrySummary:N0} characters.");
        RuleFor(i => i.Body)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Describe what was done in the body.")
            .MaximumLength(FieldLengths.EntryBody).WithMessage($"The body can have at most {FieldLengths.EntryBody:N0} characters.");
        RuleFor(i => i.Language).Must(l => Languages.Contains(l)).WithMessage("Choose the language the entry is written in.");
        RuleFor(i => i.Visibility).NotNull().WithMessage("Choose who may read the entry (its TLP label).")
            .IsInEnum().WithMessage("Choose who may read the entry (its TLP label).");
        RuleForEach(i => i.References).ChildRules(reference =>
        {
            reference.RuleFor(r => r.Title)
                .Must(t => !string.IsNullOrWhiteSpace(t)).When(r => !string.IsNullOrWhiteSpace(r.Url), ApplyConditionTo.CurrentValidator).WithMessage("Give the reference a title.")
                .MaximumLength(FieldLengths.ReferenceTitle).WithMessage($"A reference title can have at most {FieldLengths.ReferenceTitle} characters.");
            reference.RuleFor(r => r.Url)
                .Must(t => !string.IsNullOrWhiteSpace(t)).When(r => !string.IsNullOrWhiteSpace(r.Title), ApplyConditionTo.CurrentValidator).WithMessage("Give the reference's web address.")
                .Must(IsWebAddress).When(r => !string.IsNullOrWhiteSpace(r.Url), ApplyConditionTo.CurrentValidator).WithMessage("Enter a web address starting with http:// or https://.")
                .MaximumLength(FieldLengths.WebAddress).WithMessage($"A web address can have at most {FieldLengths.WebAddress:N0} characters.");
            reference.RuleFor(r => r.Kind).IsInEnum().WithMessage("Choose the kind of document.");
        });
    }

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
