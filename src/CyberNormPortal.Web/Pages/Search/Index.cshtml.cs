using CyberNormPortal.Web.Caching;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CyberNormPortal.Web.Pages.Search;

/// <summary>Full-text search over the published entries the reader may see, with filters and their counts.</summary>
[OutputCache(PolicyName = PublishedContentCachePolicy.Name)]
public sealed class IndexModel(SearchService search, EntryFilterParser parser) : PageModel
{
    public SearchQueryString Query { get; private set; } = null!;

    public SearchResult Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = await SearchQueryString.ParseAsync(Request.Query, parser, cancellationToken);
        Result = await search.SearchAsync(Query.Request, Reader.From(User), cancellationToken);
    }

    public string SearchUrl(params (string Name, string? Value)[] changes) => Url.Content(SearchQueryString.Url("~/search", Request.Query, changes));

    public string PageUrl(int page) => SearchUrl(("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string? Selected(string name) => Request.Query[name].FirstOrDefault();
}
