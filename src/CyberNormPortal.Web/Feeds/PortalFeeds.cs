using System.Globalization;
using CyberNormPortal.Web.Api;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace CyberNormPortal.Web.Feeds;

/// <summary>
/// Atom feeds of newly published TLP:CLEAR entries: the whole portal, one norm, one State. Like the API they read as
/// <see cref="Reader.Anonymous"/> whoever asks, because a feed reader shares what it fetched. Their titles are in the
/// language the feed was asked in (Accept-Language, or the portal's culture cookie).
/// </summary>
public static class PortalFeeds
{
    public const int Size = 50;

    public static IEndpointRouteBuilder MapPortalFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("")
            .AddEndpointFilter<ETagFilter>()
            .CacheOutput(Caching.PublishedContentCachePolicy.Name)
            .ExcludeFromDescription();
        feeds.MapGet("/feed.atom", AllAsync);
        feeds.MapGet("/norms/{number:int}/feed.atom", NormAsync);
        feeds.MapGet("/states/{iso3}/feed.atom", StateAsync);
        return app;
    }

    private static async Task<IResult> AllAsync(
        PortalDbContext db, IStringLocalizer<SharedResource> localizer, HttpRequest request, CancellationToken cancellationToken) =>
        await FeedAsync(db, request, db.PublishedEntries(Reader.Anonymous), localizer["CyberNormPortal: newly published entries"], "/", cancellationToken);

    private static async Task<IResult> NormAsync(
        int number, PortalDbContext db, EntryFilterParser parser, IStringLocalizer<SharedResource> localizer, HttpRequest request, CancellationToken cancellationToken)
    {
        // The route value follows the same rules as ?norm= everywhere else; a feed of no norm is not found.
        if (await FiltersAsync(parser, FilterNames.Norm, number.ToString(CultureInfo.InvariantCulture), cancellationToken) is not { Norm: { } norm } filters)
        {
            return Results.NotFound();
        }

        var title = await db.Norms.AsNoTracking().Where(n => n.Number == norm).Select(n => n.ShortTitle).SingleAsync(cancellationToken);
        var entries = db.PublishedEntries(Reader.Anonymous).Where(e => e.NormNumber == filters.Norm);
        return await FeedAsync(db, request, entries, localizer["CyberNormPortal: norm {0} – {1}", norm, title], $"/norms/{norm}", cancellationToken);
    }

    private static async Task<IResult> StateAsync(
        string iso3, PortalDbContext db, EntryFilterParser parser, IStringLocalizer<SharedResource> localizer, HttpRequest request, CancellationToken cancellationToken)
    {
        // As ?state= everywhere else: a known ISO 3166-1 alpha-3 code, in any letter case.
        if (await FiltersAsync(parser, FilterNames.State, iso3, cancellationToken) is not { State: { } code })
        {
            return Results.NotFound();
        }

        var name = await db.States.AsNoTracking().Where(s => s.Iso3 == code).Select(s => s.Name).SingleAsync(cancellationToken);
        // The State's own entries: a feed says what this State published (joint entries have the group's feed).
        var entries = db.PublishedEntries(Reader.Anonymous).Where(e => e.StateIso3 == code);
        return await FeedAsync(db, request, entries, localizer["CyberNormPortal: {0}", name], $"/states/{code.ToLowerInvariant()}", cancellationToken);
    }

    /// <summary>A feed's route value read by the entry-filter parser: the filters, or null when it names nothing.</summary>
    private static async Task<EntryFilters?> FiltersAsync(EntryFilterParser parser, string name, string value, CancellationToken cancellationToken)
    {
        var parsed = await parser.ParseAsync(new QueryCollection(new Dictionary<string, StringValues> { [name] = value }), cancellationToken);
        return parsed.IsValid ? parsed.Value.Filters : null;
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
