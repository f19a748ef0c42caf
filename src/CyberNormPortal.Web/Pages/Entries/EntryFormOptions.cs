using CyberNormPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>The choices the entry form offers: the eleven norms and the cycles open for entries.</summary>
public static class EntryFormOptions
{
    /// <summary>The eleven norms, each labelled "Norm 3 – its short title" in the reader's language.</summary>
    public static async Task<List<EntryFormOption>> NormsAsync(PortalDbContext db, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken);
        return [.. norms.Select(n => new EntryFormOption(n.Number, $"{localizer["Norm {0}", n.Number]} – {localizer[n.ShortTitle]}"))];
    }

    /// <summary>Open cycles, plus <paramref name="currentCycleId"/> (an entry keeps its cycle after it closes).</summary>
    public static Task<List<EntryFormOption>> CyclesAsync(PortalDbContext db, int? currentCycleId, CancellationToken cancellationToken) =>
        db.Cycles.AsNoTracking().Where(c => c.IsOpen || c.Id == currentCycleId).OrderByDescending(c => c.OpensOn)
            .Select(c => new EntryFormOption(c.Id, c.Name))
            .ToListAsync(cancellationToken);
}
