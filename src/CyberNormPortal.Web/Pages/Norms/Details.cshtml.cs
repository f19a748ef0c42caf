using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Norms;

public sealed class DetailsModel(PortalDbContext db) : PageModel
{
    public int Number { get; private set; }

    public string GgeReference => Domain.Norms.Norm.GgeReferenceFor(Number);

    public string ShortTitle { get; private set; } = "";

    public string FullText { get; private set; } = "";

    public string SourceDocument { get; private set; } = "";

    public EntryListModel Entries { get; private set; } = new([], false, true);

    public Paging Paging { get; private set; } = Paging.For(1, 0);

    public async Task<IActionResult> OnGetAsync(int number, int? page, CancellationToken cancellationToken)
    {
        var norm = await db.Norms.AsNoTracking()
            .Where(n => n.Number == number)
            .Select(n => new { n.Number, n.ShortTitle, n.FullText, n.SourceDocument })
            .SingleOrDefaultAsync(cancellationToken);
        if (norm is null)
        {
            return NotFound();
        }

        (Number, ShortTitle, FullText, SourceDocument) = (norm.Number, norm.ShortTitle, norm.FullText, norm.SourceDocument);

        var entries = db.PublishedEntries(Reader.From(User)).Where(e => e.NormNumber == number);
        Paging = Paging.For(page, await entries.CountAsync(cancellationToken));
        var shown = await entries
            .OrderByDescending(e => e.PublishedAt).ThenBy(e => e.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .ToListAsync(cancellationToken);
        Entries = new EntryListModel(shown, ShowNorm: false, ShowAuthor: true);
        return Page();
    }
}
