using CyberNormPortal.Web.Caching;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Synthesis;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Synthesis;

[OutputCache(PolicyName = PublishedContentCachePolicy.Name)]
public sealed class IndexModel(SynthesisReader synthesis, SynthesisScopeParser parser, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The scope as the query string gives it (<c>group, cycle, region, view</c>), problems included.</summary>
    public Parsed<SynthesisRequest> Asked { get; private set; } = null!;

    public SynthesisGrouping Grouping => Asked.Value.Grouping;

    public SynthesisView Synthesis { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A value that makes no sense (a hand-edited URL) is shown next to its field; the rest of the scope still applies.
        Asked = await parser.ParseAsync(Request.Query, cancellationToken);
        Synthesis = await synthesis.ReadAsync(Asked.Value.Scope, Reader.From(User), Grouping, cancellationToken);
    }

    /// <summary>The message for <paramref name="parameter"/>, or null.</summary>
    public string? Error(string parameter) => Asked.ProblemWith(parameter)?.Format(localizer);

    /// <summary>The query string of the downloads: the scope as shown, without the values that were left out.</summary>
    public string DownloadQuery => QueryString.Create(Request.Query
        .Where(p => Asked.ProblemWith(p.Key) is null)
        .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))).Value ?? "";
}
