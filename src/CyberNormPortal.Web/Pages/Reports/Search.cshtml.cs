using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Reports;
using CyberNormPortal.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberNormPortal.Web.Pages.Reports;

/// <summary>
/// Full-text search over the parts of published national reports, a page of its own beside the entries' search
/// (whose service it leaves alone): the same words box, the reports' own vector.
/// </summary>
public sealed class SearchModel(PortalDbContext db) : PageModel
{
    public const int Shown = 50;

    /// <summary>The words as searched: trimmed and cut as the entries' search cuts them; null when there are none.</summary>
    public string? Words { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<ReportPartMatch> Matches { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        var words = q?.Trim();
        if (string.IsNullOrEmpty(words))
        {
            return;
        }

        Words = words.Length > SearchRequest.MaxTextLength ? words[..SearchRequest.MaxTextLength] : words;
        (Total, var matches) = await db.SearchReportsAsync(Words, Reader.From(User), Shown, cancellationToken);
        Matches = matches;
    }
}
