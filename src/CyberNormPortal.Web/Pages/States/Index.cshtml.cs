using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.States;

public sealed class IndexModel(PortalDbContext db, StateNames names) : PageModel
{
    public sealed record StateRow(string Iso3, string Name, InitiativeParticipation Participation, int PublishedEntries);

    public IReadOnlyList<IGrouping<RegionalGroup, StateRow>> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.PublishedEntries(Reader.From(User))
            .Where(e => e.StateIso3 != null)
            .GroupBy(e => e.StateIso3!)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, cancellationToken);
        var states = await db.States.AsNoTracking()
            .Select(s => new { s.Iso3, s.Name, s.RegionalGroup, s.Participation })
            .ToListAsync(cancellationToken);
        // Named and sorted in the reader's language: "Allemagne" before "Zambie", whatever the English order.
        var rows = StateNames.Sort(
            states.Select(s => (s.RegionalGroup, Row: new StateRow(s.Iso3, names.Of(s.Iso3, s.Name), s.Participation, counts.GetValueOrDefault(s.Iso3)))),
            s => s.Row.Name);
        Regions = [.. rows
            .GroupBy(s => s.RegionalGroup, s => s.Row)
            .OrderBy(g => g.Key)];
    }
}
