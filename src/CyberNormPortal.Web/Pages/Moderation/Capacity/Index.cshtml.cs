using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Moderation.Capacity;

/// <summary>
/// The secretariat's capacity-building queue: needs and offers awaiting moderation, matches both sides consented to
/// (to introduce), matches under way by status, and the latest closed.
/// </summary>
public sealed class IndexModel(PortalDbContext db, CapacityMatchService matches) : PageModel
{
    /// <summary>How many rows each list shows, oldest waiting first (newest for the closed).</summary>
    public const int Shown = 100;

    public const int ClosedShown = 20;

    public sealed record MatchRow(int Id, MatchStatus Status, int NeedId, string NeedTitle, int OfferId, string OfferTitle, DateTimeOffset UpdatedAt);

    public IReadOnlyList<CapacityItemFacts> AwaitingModeration { get; private set; } = [];

    public IReadOnlyList<MatchRow> ReadyToIntroduce { get; private set; } = [];

    public IReadOnlyList<MatchRow> InProgress { get; private set; } = [];

    public IReadOnlyList<MatchRow> RecentlyClosed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AwaitingModeration = await matches.Facts(db.CapacityItems.AsNoTracking()
                .Where(i => i.Status == EntryStatus.AwaitingModeration).OrderBy(i => i.UpdatedAt).Take(Shown))
            .ToListAsync(cancellationToken);
        ReadyToIntroduce = await Rows(db.CapacityMatches.AsNoTracking()
                .Where(m => m.Status == MatchStatus.Open && m.NeedSideConsentedAt != null && m.OfferSideConsentedAt != null)
                .OrderBy(m => m.UpdatedAt).Take(Shown))
            .ToListAsync(cancellationToken);
        InProgress = await Rows(db.CapacityMatches.AsNoTracking()
                .Where(m => m.Status != MatchStatus.Open && m.Status != MatchStatus.Closed)
                .OrderBy(m => m.Status).ThenBy(m => m.UpdatedAt).Take(Shown))
            .ToListAsync(cancellationToken);
        RecentlyClosed = await Rows(db.CapacityMatches.AsNoTracking()
                .Where(m => m.Status == MatchStatus.Closed)
                .OrderByDescending(m => m.UpdatedAt).Take(ClosedShown))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<MatchRow> Rows(IQueryable<CapacityMatch> query) =>
        query.Select(m => new MatchRow(
            m.Id,
            m.Status,
            m.NeedId,
            db.CapacityItems.Where(i => i.Id == m.NeedId).Select(i => i.Title).First(),
            m.OfferId,
            db.CapacityItems.Where(i => i.Id == m.OfferId).Select(i => i.Title).First(),
            m.UpdatedAt));
}
