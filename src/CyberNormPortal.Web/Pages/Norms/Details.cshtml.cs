using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
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

    /// <summary>The language of <see cref="FullText"/>: the reader's where its official text is stored, else English.</summary>
    public PortalCulture TextLanguage { get; private set; } = PortalCultures.Default;

    /// <summary>The reader's language has no official text yet, so the English original is shown (and says so).</summary>
    public bool ShowsEnglishInstead => TextLanguage != PortalCultures.Current;

    public EntryListModel Entries { get; private set; } = new([], false, true);

    public Paging Paging { get; private set; } = Paging.For(1, 0);

    /// <summary>The first open needs and available offers on this norm the reader may see.</summary>
    public CapacitySection Capacity { get; private set; } = CapacitySection.Empty;

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

        // The official text in the reader's language when a moderator has entered it; never a translation of our own.
        var reading = PortalCultures.Current;
        var texts = await db.NormTexts.AsNoTracking()
            .Where(t => t.NormNumber == number && (t.Language == reading.Name || t.Language == PortalCultures.DefaultName))
            .Select(t => new { t.Language, t.Text, t.Source })
            .ToListAsync(cancellationToken);
        if ((texts.FirstOrDefault(t => t.Language == reading.Name) ?? texts.FirstOrDefault()) is { } text)
        {
            (TextLanguage, FullText, SourceDocument) = (PortalCultures.OrDefault(text.Language), text.Text, text.Source);
        }

        Capacity = await db.CapacityItems.AsNoTracking().PublishedVisibleTo(Reader.From(User))
            .Filter(new CapacityFilters(Norm: number), db)
            .SectionAsync(db, cancellationToken);

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
