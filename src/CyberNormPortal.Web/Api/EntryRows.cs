using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;

namespace CyberNormPortal.Web.Api;

/// <summary>A published entry with the slugs the API names it by, read in the same SQL query.</summary>
internal sealed class EntryRow
{
    public int Id { get; init; }

    public int RevisionId { get; init; }

    public int Norm { get; init; }

    public EntryKind Kind { get; init; }

    public List<PracticeCategory> Categories { get; init; } = [];

    public string Title { get; init; } = "";

    public string Summary { get; init; } = "";

    public string Language { get; init; } = "";

    public List<string> Languages { get; init; } = [];

    public List<PublishedTranslation> Translations { get; init; } = [];

    public string? State { get; init; }

    public string? Group { get; init; }

    public string AuthorName { get; init; } = "";

    public string Cycle { get; init; } = "";

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>The title and summary in <paramref name="lang"/> where there is a version in it, else the original.</summary>
    public EntryText TextIn(string? lang) => PublishedEntry.TextIn(Language, Title, Summary, Translations, lang);

    public EntryResource ToResource(ApiLinks links, string? lang)
    {
        var text = TextIn(lang);
        return new(
            Id, Norm, Kind, Categories, text.Title, text.Summary, text.Language, Language, Languages, State, Group, AuthorName, Cycle,
            PublishedAt, links.EntryPage(Id), links.EntryApi(Id));
    }
}

internal static class EntryRows
{
    public static IQueryable<EntryRow> Of(IQueryable<PublishedEntry> entries, PortalDbContext db) =>
        entries.Select(e => new EntryRow
        {
            Id = e.Id,
            RevisionId = e.RevisionId,
            Norm = e.NormNumber,
            Kind = e.Kind,
            Categories = e.PracticeCategories,
            Title = e.Title,
            Summary = e.Summary,
            Language = e.Language,
            Languages = e.Languages,
            Translations = e.Translations,
            State = e.StateIso3,
            Group = db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Slug).FirstOrDefault(),
            AuthorName = e.AuthorName,
            Cycle = db.Cycles.Where(c => c.Id == e.CycleId).Select(c => c.Slug).First(),
            PublishedAt = e.PublishedAt,
        });
}
