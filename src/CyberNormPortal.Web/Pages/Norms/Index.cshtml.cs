using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Norms;

public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public sealed record NormRow(int Number, string ShortTitle, string FullText, int PublishedEntries)
    {
        public string GgeReference => Domain.Norms.Norm.GgeReferenceFor(Number);
    }

    public IReadOnlyList<NormRow> Norms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.PublishedEntries(Reader.From(User))
            .GroupBy(e => e.NormNumber)
            .Select(g => new { Norm = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Norm, x => x.Count, cancellationToken);
        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number)
            .Select(n => new { n.Number, n.ShortTitle, n.FullText })
            .ToListAsync(cancellationToken);
        Norms = [.. norms.Select(n => new NormRow(n.Number, n.ShortTitle, n.FullText, counts.GetValueOrDefault(n.Number)))];
    }
}
