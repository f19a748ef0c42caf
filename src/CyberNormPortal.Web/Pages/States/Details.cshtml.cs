using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Capacity;
using CyberNormPortal.Web.Coverage;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Localization;
using CyberNormPortal.Web.Pages.Shared;
using CyberNormPortal.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.States;

public sealed class DetailsModel(PortalDbContext db, CoverageReader coverage, StateNames names) : PageModel
{
    public sealed record GroupRow(string Slug, string Abbreviation, string Name, int JointEntries);

    public string Iso3 { get; private set; } = "";

    public string Name { get; private set; } = "";

    public RegionalGroup RegionalGroup { get; private set; }

    public InitiativeParticipation Participation { get; private set; }

    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];

    public EntryListModel Entries { get; private set; } = new([], true, false);

    public Paging Paging { get; private set; } = Paging.For(1, 0);

    /// <summary>The State's row of the coverage map: its entries (own and joint) on each norm.</summary>
    public CoverageRow? Coverage => CoverageMap.Rows.SingleOrDefault();

    /// <summary>The one-row coverage map, for its heat scale (the same as on /coverage).</summary>
    public CoverageMap CoverageMap { get; private set; } = new([], [], 0);

    /// <summary>The State's published national reports the reader may see, newest cycle first.</summary>
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    /// <summary>The State's first open needs and available offers the reader may see.</summary>
    public CapacitySection Capacity { get; private set; } = CapacitySection.Empty;

    public sealed record ReportRow(string CycleSlug, string CycleName, DateTimeOffset? PublishedAt);

    public async Task<IActionResult> OnGetAsync(string iso3, int? page, CancellationToken cancellationToken)
    {
        if (!State.LooksLikeIso3(iso3))
        {
            return NotFound();
        }

        var code = State.NormaliseIso3(iso3);
        var state = await db.States.AsNoTracking()
            .Where(s => s.Iso3 == code)
            .Select(s => new { s.Iso3, s.Name, s.RegionalGroup, s.Participation })
            .SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return NotFound();
        }

        (Iso3, Name, RegionalGroup, Participation) = (state.Iso3, names.Of(state.Iso3, state.Name), state.RegionalGroup, state.Participation);
        var reader = Reader.From(User);
        var published = db.PublishedEntries(reader);

        CoverageMap = await coverage.ReadAsync(reader, null, null, null, [Iso3], cancellationToken);
        Groups = await db.Groups.AsNoTracking()
            .Where(g => g.Memberships.Any(m => m.StateIso3 == code))
            .OrderBy(g => g.Abbreviation)
            .Select(g => new GroupRow(g.Slug, g.Abbreviation, g.Name, published.Count(e => e.GroupId == g.Id)))
            .ToListAsync(cancellationToken);

        Reports = await db.Reports.AsNoTracking().PublishedVisibleTo(reader)
            .Where(r => r.StateIso3 == code)
            .Join(db.Cycles, r => r.CycleId, c => c.Id, (r, c) => new { c.Slug, c.Name, c.ClosesOn, r.PublishedAt })
            .OrderByDescending(r => r.ClosesOn)
            .Select(r => new ReportRow(r.Slug, r.Name, r.PublishedAt))
            .ToListAsync(cancellationToken);

        Capacity = await db.CapacityItems.AsNoTracking().PublishedVisibleTo(reader)
            .Filter(new CapacityFilters(State: code), db)
            .SectionAsync(db, cancellationToken);

        var entries = published.Where(e => e.StateIso3 == code);
        Paging = Paging.For(page, await entries.CountAsync(cancellationToken));
        var shown = await entries
            .OrderBy(e => e.NormNumber).ThenByDescending(e => e.PublishedAt).ThenBy(e => e.Id)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .ToListAsync(cancellationToken);
        Entries = new EntryListModel(shown, ShowNorm: true, ShowAuthor: false);
        return Page();
    }
}
