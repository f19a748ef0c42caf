using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Rendering;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Capacity;

/// <summary>
/// A need or an offer as its readers see it (<see cref="CapacityVisibility.MaySee"/>, else 404): its content, and for
/// its own points of contact and the secretariat the suggested counterparts with their reasons, "Express interest"
/// (for the owner's side), and the matches it is part of.
/// </summary>
public sealed class DetailsModel(PortalDbContext db, CapacityMatchService matches, MarkdownRenderer markdown) : PageModel
{
    public sealed record NormLine(int Number, string ShortTitle);

    public sealed record MatchLine(int Id, MatchStatus Status, int CounterpartId, string CounterpartTitle);

    public CapacityItem Item { get; private set; } = null!;

    public string OwnerName { get; private set; } = "";

    public string? OwnerWebsite { get; private set; }

    public IReadOnlyList<NormLine> Norms { get; private set; } = [];

    /// <summary>Checklist action texts by key (the key itself where no questionnaire has it).</summary>
    public IReadOnlyDictionary<string, string> ActionTexts { get; private set; } = new Dictionary<string, string>();

    public IHtmlContent Description { get; private set; } = HtmlString.Empty;

    /// <summary>The owner's points of contact and moderators get the working page (<c>/capacity/work/{id}</c>).</summary>
    public bool CanWork { get; private set; }

    /// <summary>Whether the suggestions are shown: to the owner's side and the secretariat, once the item is published.</summary>
    public bool ShowsSuggestions { get; private set; }

    /// <summary>Whether the reader speaks for this item's side, and so may express interest in a suggestion.</summary>
    public bool MayExpressInterest { get; private set; }

    public IReadOnlyList<CapacitySuggestion> Suggestions { get; private set; } = [];

    public IReadOnlyList<MatchLine> Matches { get; private set; } = [];

    public CapacitySide OtherSide => Item.Side == CapacitySide.Need ? CapacitySide.Offer : CapacitySide.Need;

    public string ActionText(string key) => ActionTexts.GetValueOrDefault(key, key);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var reader = Reader.From(User);
        var item = await db.CapacityItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || !reader.MaySee(item.Status, item.Visibility, item.StateIso3, item.OrganisationId))
        {
            // Not there, or not for this reader: both look the same.
            return NotFound();
        }

        Item = item;
        var owner = item.StateIso3 is { } iso3
            ? await db.States.AsNoTracking().Where(s => s.Iso3 == iso3).Select(s => new { s.Name, Website = (string?)null }).SingleAsync(cancellationToken)
            : await db.Organisations.AsNoTracking().Where(o => o.Id == item.OrganisationId).Select(o => new { o.Name, o.Website }).SingleAsync(cancellationToken);
        OwnerName = owner.Name;
        OwnerWebsite = owner.Website;
        Norms = await db.Norms.AsNoTracking().Where(n => item.Norms.Contains(n.Number)).OrderBy(n => n.Number)
            .Select(n => new NormLine(n.Number, n.ShortTitle)).ToListAsync(cancellationToken);
        var keys = item.ActionKeys;
        ActionTexts = keys.Count == 0
            ? new Dictionary<string, string>()
            : (await db.ChecklistActions.AsNoTracking().Where(a => keys.Contains(a.Key)).OrderByDescending(a => a.QuestionnaireId)
                .Select(a => new { a.Key, a.Text }).ToListAsync(cancellationToken))
                .DistinctBy(a => a.Key).ToDictionary(a => a.Key, a => a.Text);
        Description = markdown.Render(item.Description);

        var owns = reader.Owns(item.StateIso3, item.OrganisationId);
        CanWork = owns || reader.IsModerator;
        ShowsSuggestions = item.Status == EntryStatus.Published && (owns || reader.IsModerator);
        MayExpressInterest = owns && item.Status == EntryStatus.Published;
        if (ShowsSuggestions)
        {
            Suggestions = await matches.SuggestionsAsync(id, reader, cancellationToken);
        }

        if (reader.IsSignedIn)
        {
            var rows = await db.CapacityMatches.AsNoTracking()
                .Where(m => m.NeedId == id || m.OfferId == id)
                .OrderByDescending(m => m.UpdatedAt)
                .Select(m => new
                {
                    m.Id,
                    m.Status,
                    Need = db.CapacityItems.Where(i => i.Id == m.NeedId).Select(i => new { i.Id, i.StateIso3, i.Title }).First(),
                    Offer = db.CapacityItems.Where(i => i.Id == m.OfferId).Select(i => new { i.Id, i.StateIso3, i.OrganisationId, i.Title }).First(),
                })
                .ToListAsync(cancellationToken);
            Matches = [.. rows
                .Where(m => reader.MaySeeMatch(m.Need.StateIso3, m.Offer.StateIso3, m.Offer.OrganisationId))
                .Select(m => m.Need.Id == id ? new MatchLine(m.Id, m.Status, m.Offer.Id, m.Offer.Title) : new MatchLine(m.Id, m.Status, m.Need.Id, m.Need.Title))];
        }

        return Page();
    }
}
