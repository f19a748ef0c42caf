using System.ComponentModel;
using System.Globalization;
using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Filters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Api;

/// <summary>A published TLP:CLEAR need or offer. <c>status</c> is <c>open</c> (a need), <c>available</c> (an offer) or <c>matched</c>.</summary>
public sealed record CapacityResource(
    int Id,
    CapacitySide Side,
    string? State,
    string? Organisation,
    string Title,
    IReadOnlyList<int> Norms,
    IReadOnlyList<string> GgeReferences,
    IReadOnlyList<string> Actions,
    IReadOnlyList<PracticeCategory> Categories,
    IReadOnlyList<KindOfHelp> Kinds,
    IReadOnlyList<string> Languages,
    IReadOnlyList<RegionalGroup> Regions,
    string? Timing,
    DateOnly? AvailableFrom,
    DateOnly? AvailableUntil,
    string Status,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? MatchedAt,
    string Url);

/// <summary>One page of needs or offers, newest publication first.</summary>
public sealed record CapacityPage(IReadOnlyList<CapacityResource> Items, int Page, int PageSize, int Total, PageLinks Links);

/// <summary>
/// <c>GET /api/v1/capacity/needs</c> and <c>/offers</c>: published TLP:CLEAR needs and offers only, read as anyone
/// (<see cref="CapacityVisibility.Public"/>) whoever calls, with the filters of <c>/capacity</c>.
/// </summary>
public static class CapacityApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapCapacityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiLinks.Prefix + "/capacity")
            .RequireCors(PortalApi.CorsPolicy)
            .AddEndpointFilter<ETagFilter>()
            // Kept until the next publication, like the rest of the API (Caching/PublishedContentCache.cs).
            .CacheOutput(Caching.PublishedContentCachePolicy.Name)
            .WithTags("Public API");

        api.MapGet("/needs", ListNeeds)
            .WithName("ListCapacityNeeds")
            .WithSummary("Published capacity-building needs")
            .WithDescription("Published TLP:CLEAR needs of States, newest first, filtered and paged. The links keep the filters.")
            .Produces<CapacityPage>()
            .ProducesValidationProblem();
        api.MapGet("/offers", ListOffers)
            .WithName("ListCapacityOffers")
            .WithSummary("Published capacity-building offers")
            .WithDescription("Published TLP:CLEAR offers of States and organisations, newest first, filtered and paged. The links keep the filters.")
            .Produces<CapacityPage>()
            .ProducesValidationProblem();
        return app;
    }

    private static Task<Results<Ok<CapacityPage>, ValidationProblem>> ListNeeds(
        [AsParameters] CapacityListQuery query, IStringLocalizer<SharedResource> localizer, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken) =>
        ListAsync(CapacitySide.Need, localizer, db, request, cancellationToken);

    private static Task<Results<Ok<CapacityPage>, ValidationProblem>> ListOffers(
        [AsParameters] CapacityListQuery query, IStringLocalizer<SharedResource> localizer, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken) =>
        ListAsync(CapacitySide.Offer, localizer, db, request, cancellationToken);

    private static async Task<Results<Ok<CapacityPage>, ValidationProblem>> ListAsync(
        CapacitySide side, IStringLocalizer<SharedResource> localizer, PortalDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        // The parameters of CapacityListQuery are the documented contract; the one parser of capacity filters reads them.
        var parsed = CapacityFilterParser.Parse(request.Query);
        var values = new QueryValues(request.Query);
        values.AddRange(parsed.Problems);
        var pageSize = values.Number(FilterNames.PageSize, 1, MaxPageSize, FilterMessages.PageSize) ?? DefaultPageSize;
        if (values.Problems.Count > 0)
        {
            return values.Problems.ToValidationProblem(localizer);
        }

        var filters = parsed.Value with { Side = side };
        var items = db.CapacityItems.AsNoTracking().Public().Filter(filters, db);
        var total = await items.CountAsync(cancellationToken);
        var page = filters.Page;
        var rows = total == 0
            ? []
            : await items.Newest().Skip((page - 1) * pageSize).Take(pageSize).Rows(db).ToListAsync(cancellationToken);
        var links = new ApiLinks(request);
        var path = side == CapacitySide.Need ? "/capacity/needs" : "/capacity/offers";
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        var kept = CapacityFilterParser.ToQuery(filters with { Side = null }).ToList();
        string PageUrl(int number) => links.Api(path + QueryString.Create(
            kept.Append(new(FilterNames.Page, number.ToString(CultureInfo.InvariantCulture)))
                .Append(new(FilterNames.PageSize, pageSize.ToString(CultureInfo.InvariantCulture)))));
        return TypedResults.Ok(new CapacityPage(
            [.. rows.Select(r => ToResource(r, links))],
            page,
            pageSize,
            total,
            new PageLinks(
                PageUrl(page),
                PageUrl(1),
                page > 1 ? PageUrl(Math.Min(page - 1, last)) : null,
                page < last ? PageUrl(page + 1) : null,
                PageUrl(last))));
    }

    private static CapacityResource ToResource(CapacityRow row, ApiLinks links) => new(
        row.Id,
        row.Side,
        row.StateIso3,
        row.OrganisationName,
        row.Title,
        row.Norms,
        [.. row.Norms.Select(Domain.Norms.Norm.GgeReferenceFor)],
        row.ActionKeys,
        row.Categories,
        row.Kinds,
        row.Languages,
        row.Regions,
        row.Timing,
        row.AvailableFrom,
        row.AvailableUntil,
        row.IsMatched ? "matched" : row.Side == CapacitySide.Need ? "open" : "available",
        row.PublishedAt,
        row.MatchedAt,
        links.Page(row.Path));
}

/// <summary>The query string of the capacity endpoints, documented for the OpenAPI document; read by <see cref="CapacityFilterParser"/>.</summary>
public sealed class CapacityListQuery
{
    [FromQuery(Name = "norm"), Description("Norm number, 1 to 11.")]
    public string? Norm { get; init; }

    [FromQuery(Name = "kind"), Description("Kind of help: training, technicalAssistance, legislativeDrafting, exercises, equipment, mentoring or other.")]
    public string? Kind { get; init; }

    [FromQuery(Name = "region"), Description("UN regional group, e.g. african: a need's State's group, or a region an offer serves.")]
    public string? Region { get; init; }

    [FromQuery(Name = "language"), Description("Language of the help: ar, zh, en, fr, ru or es.")]
    public string? Language { get; init; }

    [FromQuery(Name = "state"), Description("ISO 3166-1 alpha-3 code of the State that posted it, e.g. SEN.")]
    public string? State { get; init; }

    [FromQuery(Name = "q"), Description("Words to look for in the title and description (web-search syntax).")]
    public string? Q { get; init; }

    [FromQuery(Name = "page"), Description("Page number, from 1.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Items per page, 1 to 200; 50 when absent.")]
    public string? PageSize { get; init; }
}
