using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Api;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Feeds;

/// <summary>
/// Atom feeds of newly published TLP:CLEAR entries: the whole portal, one norm, one State. Like the API they read as
/// <see cref="Reader.Anonymous"/> whoever asks, because a feed reader shares what it fetched.
/// </summary>
public static class PortalFeeds
{
    public const int Size = 50;

    public static IEndpointRouteBuilder MapPortalFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("")
            .AddEndpointFilter<ETagFilter>()
            .ExcludeFromDescription();
        feeds.MapGet("/feed.atom", AllAsync);
        feeds.MapGet("/norms/{number:int}/feed.atom", NormAsync);
        feeds.MapGet("/states/{iso3}/feed.atom", StateAsync);
        return app;
    }

    private static async Task<IResult> AllAsync(PortalDbContext db, HttpRequest request, CancellationToken cancellationToken) =>
        await FeedAsync(db, request, db.PublishedEntries(Reader.Anonymous), "CyberNormPortal: newly published entries", "/", cancellationToken);

    private static async Task<IResult> NormAsync(int number, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var norm = Norm.IsValidNumber(number)
            ? await db.Norms.AsNoTracking().Where(n => n.Number == number).Select(n => n.ShortTitle).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (norm is null)
        {
            return Results.NotFound();
        }

        var entries = db.PublishedEntries(Reader.Anonymous).Where(e => e.NormNumber == number);
        return await FeedAsync(db, request, entries, $"CyberNormPortal: norm {number} – {norm}", $"/norms/{number}", cancellationToken);
    }

    private static async Task<IResult> StateAsync(string iso3, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var code = State.LooksLikeIso3(iso3) ? State.NormaliseIso3(iso3) : "";
        var name = await db.States.AsNoTracking().Where(s => s.Iso3 == code).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return Results.NotFound();
        }

        var entries = db.PublishedEntries(Reader.Anonymous).Where(e => e.StateIso3 == code);
        return await FeedAsync(db, request, entries, $"CyberNormPortal: {name}", $"/states/{code.ToLowerInvariant()}", cancellationToken);
    }

    private static async Task<IResult> FeedAsync(
        PortalDbContext db, HttpRequest request, IQueryable<PublishedEntry> entries, string title, string pagePath, CancellationToken cancellationToken)
    {
        var newest = await entries
            .OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id)
            .Take(Size)
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.Summary,
                e.PublishedAt,
                Author = e.StateIso3 != null
                    ? e.AuthorName
                    : db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Name).First(),
            })
            .ToListAsync(cancellationToken);

        var links = new ApiLinks(request);
        var self = links.Page(request.Path.Value ?? "/feed.atom");
        var feed = new AtomFeed(
            self,
            title,
            self,
            links.Page(pagePath),
            [.. newest.Select(e => new AtomEntry(links.EntryPage(e.Id), e.Title, e.PublishedAt, e.Author, e.Summary, links.EntryPage(e.Id)))]);
        return Results.Bytes(feed.ToBytes(), AtomFeed.ContentType);
    }
}
