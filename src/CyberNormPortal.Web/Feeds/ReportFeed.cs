using CyberNormPortal.Web.Api;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Feeds;

/// <summary>
/// An Atom feed of newly published national reports, TLP:CLEAR only, read as <see cref="Reader.Anonymous"/> whoever
/// asks (a feed reader shares what it fetched), beside the entries' feeds and cached the same way.
/// </summary>
public static class ReportFeed
{
    /// <summary>Beside <c>/reports</c>, not under it, where the page <c>/reports/{cycleSlug}</c> would match it too.</summary>
    public const string Path = "/reports.atom";

    public static IEndpointRouteBuilder MapReportFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, FeedAsync)
            .AddEndpointFilter<ETagFilter>()
            .CacheOutput(Caching.PublishedContentCachePolicy.Name)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(
        PortalDbContext db, StateNames names, IStringLocalizer<SharedResource> localizer, HttpRequest request, CancellationToken cancellationToken)
    {
        var newest = await db.Reports.AsNoTracking().PublishedVisibleTo(Reader.Anonymous)
            .Join(db.Cycles, r => r.CycleId, c => c.Id, (r, c) => new { r.Id, r.StateIso3, r.PublishedAt, r.PublishedVersionNumber, c.Slug, c.Name })
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
            .Take(PortalFeeds.Size)
            .ToListAsync(cancellationToken);

        var links = new ApiLinks(request);
        var self = links.Page(Path);
        var feed = new AtomFeed(
            self,
            localizer["CyberNormPortal: newly published national reports"],
            self,
            links.Page("/reports"),
            [.. newest.Select(r =>
            {
                var page = links.Page($"/states/{r.StateIso3.ToLowerInvariant()}/reports/{ApiLinks.Escape(r.Slug)}");
                var state = names.Of(r.StateIso3);
                return new AtomEntry(
                    $"{page}?version={r.PublishedVersionNumber}",
                    localizer["National report of {0}: {1}", state, r.Name],
                    r.PublishedAt!.Value,
                    state,
                    localizer["Version {0} of the national report of {1} for the cycle {2}.", r.PublishedVersionNumber!.Value, state, r.Name],
                    page);
            })]);
        return Results.Bytes(feed.ToBytes(), AtomFeed.ContentType);
    }
}
