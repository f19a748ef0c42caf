using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Web.Caching;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Capacity;

/// <summary>
/// <c>/capacity</c>: the open needs and available offers the reader may see, filtered by side, norm, kind of help,
/// region, language, State and words, a page at a time — one query for the page, one for the counts.
/// </summary>
[OutputCache(PolicyName = PublishedContentCachePolicy.Name)]
public sealed class IndexModel(PortalDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Parsed<CapacityFilters> Query { get; private set; } = new(CapacityFilters.None, []);

    public CapacityFilters Filters => Query.Value;

    public IReadOnlyList<CapacityRow> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public int Needs { get; private set; }

    public int Offers { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = CapacityFilterParser.Parse(Request.Query);
        var items = db.CapacityItems.AsNoTracking().PublishedVisibleTo(Reader.From(User)).Filter(Filters, db);
        var counts = await items.GroupBy(i => i.Side).Select(g => new { Side = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Needs = counts.Where(c => c.Side == CapacitySide.Need).Sum(c => c.Count);
        Offers = counts.Where(c => c.Side == CapacitySide.Offer).Sum(c => c.Count);
        Paging = Paging.For(Filters.Page, Needs + Offers);
        Rows = Paging.Total == 0
            ? []
            : await items.Newest().Skip(Paging.Skip).Take(Paging.PageSize).Rows(db).ToListAsync(cancellationToken);
    }

    /// <summary>The message for <paramref name="parameter"/>, or null.</summary>
    public string? Error(string parameter) => Query.ProblemWith(parameter)?.Format(localizer);

    /// <summary>A download of this list (<c>needs.csv</c>, <c>offers.csv</c>) with its filters, those with a problem left out.</summary>
    public string ExportUrl(string file) =>
        Url.Content("~/capacity/" + file) + QueryString.Create(CapacityFilterParser.ToQuery(Filters with { Side = null }));

    public bool IsFiltered => CapacityFilterParser.ToQuery(Filters).Any();
}
