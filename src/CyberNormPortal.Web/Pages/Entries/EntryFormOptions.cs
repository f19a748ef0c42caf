using CyberNormPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Entries;

/// <summary>The choices the entry form offers: the eleven norms and the cycles open for entries.</summary>
public static class EntryFormOptions
{
    public static Task<List<EntryFormOption>> NormsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Norms.AsNoTracking().OrderBy(n => n.Number)
            .Select(n => new EntryFormOption(n.Number, "Norm " + n.Number + " – " + n.ShortTitle))
            .ToListAsync(cancellationToken);

    /// <summary>Open cycles, plus <paramref name="currentCycleId"/> (an entry keeps its cycle after it closes).</summary>
    public static Task<List<EntryFormOption>> CyclesAsync(PortalDbContext db, int? currentCycleId, CancellationToken cancellationToken) =>
        db.Cycles.AsNoTracking().Where(c => c.IsOpen || c.Id == currentCycleId).OrderByDescending(c => c.OpensOn)
            .Select(c => new EntryFormOption(c.Id, c.Name))
            .ToListAsync(cancellationToken);
}
