using CyberNormPortal.Domain.Capacity;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Capacity;

/// <summary>
/// The secretariat's figures (<c>/moderation/capacity/figures</c>) over every need and offer ever published, whatever
/// its label and whether since withdrawn: needs by region and by norm, the share of needs matched, the median time from
/// a need's publication to its first match, offers by kind of help.
/// </summary>
public sealed record CapacityFigures(
    IReadOnlyList<(RegionalGroup Region, int Needs)> NeedsByRegion,
    IReadOnlyList<(int Norm, int Needs)> NeedsByNorm,
    int NeedsPublished,
    int NeedsMatched,
    TimeSpan? MedianTimeToMatch,
    IReadOnlyList<(KindOfHelp Kind, int Offers)> OffersByKind)
{
    /// <summary>Matched over published, 0 when nothing is published.</summary>
    public double ShareMatched => NeedsPublished == 0 ? 0 : (double)NeedsMatched / NeedsPublished;

    public static async Task<CapacityFigures> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var needs = db.CapacityItems.AsNoTracking().Where(i => i.Side == CapacitySide.Need && i.PublishedAt != null);
        var offers = db.CapacityItems.AsNoTracking().Where(i => i.Side == CapacitySide.Offer && i.PublishedAt != null);
        var byRegion = await needs.Join(db.States, i => i.StateIso3, s => s.Iso3, (i, s) => s.RegionalGroup)
            .GroupBy(r => r).Select(g => new { Region = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byNorm = await needs.SelectMany(i => i.Norms, (i, n) => n)
            .GroupBy(n => n).Select(g => new { Norm = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = await needs.GroupBy(_ => 1)
            .Select(g => new { Published = g.Count(), Matched = g.Count(i => i.MatchedAt != null) })
            .SingleOrDefaultAsync(cancellationToken);
        var byKind = await offers.SelectMany(i => i.Kinds, (i, k) => k)
            .GroupBy(k => k).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // The median in SQL: percentile_cont over the seconds from publication to the first introduction.
        var seconds = await db.Database.SqlQuery<double?>($"""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("MatchedAt" - "PublishedAt"))::double precision) AS "Value"
            FROM "CapacityItems"
            WHERE "Side" = {nameof(CapacitySide.Need)} AND "PublishedAt" IS NOT NULL AND "MatchedAt" IS NOT NULL
            """).SingleAsync(cancellationToken);
        return new CapacityFigures(
            [.. Enum.GetValues<RegionalGroup>().Select(r => (r, byRegion.Where(x => x.Region == r).Sum(x => x.Count)))],
            [.. Enumerable.Range(1, Domain.Norms.Norm.Count).Select(n => (n, byNorm.Where(x => x.Norm == n).Sum(x => x.Count)))],
            counts?.Published ?? 0,
            counts?.Matched ?? 0,
            seconds is { } s ? TimeSpan.FromSeconds(s) : null,
            [.. Enum.GetValues<KindOfHelp>().Select(k => (k, byKind.Where(x => x.Kind == k).Sum(x => x.Count)))]);
    }
}
