using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Norms;

public sealed class IndexModel(PortalDbContext db) : PageModel
{
    /// <summary>A norm with its official text in the reader's language where stored, else the English (<paramref name="TextLanguage"/>).</summary>
    public sealed record NormRow(int Number, string ShortTitle, string FullText, PortalCulture TextLanguage, int PublishedEntries)
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
        var reading = PortalCultures.Current.Name;
        var official = reading == PortalCultures.DefaultName
            ? []
            : await db.NormTexts.AsNoTracking().Where(t => t.Language == reading).ToDictionaryAsync(t => t.NormNumber, t => t.Text, cancellationToken);
        Norms = [.. norms.Select(n => official.TryGetValue(n.Number, out var text)
            ? new NormRow(n.Number, n.ShortTitle, text, PortalCultures.Current, counts.GetValueOrDefault(n.Number))
            : new NormRow(n.Number, n.ShortTitle, n.FullText, PortalCultures.Default, counts.GetValueOrDefault(n.Number)))];
    }
}
