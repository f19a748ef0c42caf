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

    public string? State { get; init; }

    public string? Group { get; init; }

    public string AuthorName { get; init; } = "";

    public string Cycle { get; init; } = "";

    public DateTimeOffset PublishedAt { get; init; }

    public EntryResource ToResource(ApiLinks links) => new(
        Id, Norm, Kind, Categories, Title, Summary, Language, State, Group, AuthorName, Cycle, PublishedAt,
        links.EntryPage(Id), links.EntryApi(Id));
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
            State = e.StateIso3,
            Group = db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Slug).FirstOrDefault(),
            AuthorName = e.AuthorName,
            Cycle = db.Cycles.Where(c => c.Id == e.CycleId).Select(c => c.Slug).First(),
            PublishedAt = e.PublishedAt,
        });
}
