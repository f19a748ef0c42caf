using CyberNormPortal.Web.Coverage;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Pages.Compare;

/// <summary>Two to four States side by side, norm by norm: how much each reported, and its newest entries.</summary>
public sealed class IndexModel(CoverageReader coverage, PortalDbContext db) : PageModel
{
    public const int MinStates = 2;
    public const int MaxStates = 4;
    public const int TitlesPerCell = 3;

    public sealed record EntryLink(int Id, string Title);

    public IReadOnlyList<(string Iso3, string Name)> AllStates { get; private set; } = [];

    /// <summary>The States compared, in the order asked for.</summary>
    public IReadOnlyList<CoverageRow> Columns { get; private set; } = [];

    public IReadOnlyDictionary<(string State, int Norm), IReadOnlyList<EntryLink>> Newest { get; private set; } =
        new Dictionary<(string, int), IReadOnlyList<EntryLink>>();

    public IReadOnlyList<(int Number, string ShortTitle)> Norms { get; private set; } = [];

    public IReadOnlyList<string> Chosen { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AllStates = (await db.States.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Iso3, s.Name }).ToListAsync(cancellationToken))
            .Select(s => (s.Iso3, s.Name)).ToList();
        var asked = Request.Query["states"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToUpperInvariant()).Distinct().ToList();
        var known = AllStates.Select(s => s.Iso3).ToHashSet();
        Chosen = asked.Where(known.Contains).Take(MaxStates).ToList();
        if (asked.Count == 0)
        {
            return;
        }

        var unknown = asked.Where(s => !known.Contains(s)).ToList();
        Problem = unknown.Count > 0 ? $"Not a UN member State code: {string.Join(", ", unknown.Select(u => u.Length > 10 ? u[..10] + "…" : u))}."
            : asked.Count > MaxStates ? $"At most {MaxStates} States can be compared; the first {MaxStates} are shown."
            : Chosen.Count < MinStates ? $"Choose at least {MinStates} States to compare."
            : null;
        if (Chosen.Count < MinStates)
        {
            return;
        }

        var reader = Reader.From(User);
        var map = await coverage.ReadAsync(reader, null, null, null, Chosen, cancellationToken);
        Columns = Chosen.Select(c => map.Rows.Single(r => r.Iso3 == c)).ToList();
        Norms = (await db.Norms.AsNoTracking().OrderBy(n => n.Number).Select(n => new { n.Number, n.ShortTitle }).ToListAsync(cancellationToken))
            .Select(n => (n.Number, n.ShortTitle)).ToList();

        // The States' own entries and their groups' joint entries, newest first, in one query.
        var chosen = Chosen.ToList();
        var rows = await (
                from e in db.PublishedEntries(reader)
                from s in db.States.Where(s => chosen.Contains(s.Iso3)
                    && (e.StateIso3 == s.Iso3 || db.GroupMemberships.Any(m => m.GroupId == e.GroupId && m.StateIso3 == s.Iso3)))
                orderby e.PublishedAt descending, e.Id descending
                select new { State = s.Iso3, e.NormNumber, e.Id, e.Title })
            .ToListAsync(cancellationToken);
        Newest = rows.GroupBy(r => (r.State, r.NormNumber))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EntryLink>)[.. g.Take(TitlesPerCell).Select(r => new EntryLink(r.Id, r.Title))]);
    }
}
