using CyberNormPortal.Web.Coverage;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using CyberNormPortal.Web.Filters;
using CyberNormPortal.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberNormPortal.Web.Pages.Compare;

/// <summary>Two to four States side by side, norm by norm: how much each reported, and its newest entries.</summary>
public sealed class IndexModel(
    CoverageReader coverage, EntryFilterParser parser, PortalDbContext db, StateNames names, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MinStates = 2;
    public const int MaxStates = 4;
    public const int TitlesPerCell = 3;

    /// <summary>An entry's title in the reader's language where it has a version in it, else the original (<paramref name="Language"/>).</summary>
    public sealed record EntryLink(int Id, string Title, string Language);

    public IReadOnlyList<(string Iso3, string Name)> AllStates { get; private set; } = [];

    /// <summary>The States compared, in the order asked for.</summary>
    public IReadOnlyList<CoverageRow> Columns { get; private set; } = [];

    public IReadOnlyDictionary<(string State, int Norm), IReadOnlyList<EntryLink>> Newest { get; private set; } =
        new Dictionary<(string, int), IReadOnlyList<EntryLink>>();

    public IReadOnlyList<(int Number, string ShortTitle)> Norms { get; private set; } = [];

    public IReadOnlyList<string> Chosen { get; private set; } = [];

    /// <summary>What is wrong with the States asked for (<c>states=</c>), as messages.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AllStates = StateNames.Sort(
            (await db.States.AsNoTracking().Select(s => new { s.Iso3, s.Name }).ToListAsync(cancellationToken))
                .Select(s => (s.Iso3, Name: names.Of(s.Iso3, s.Name))),
            s => s.Name);
        var asked = await parser.ParseStatesAsync(Request.Query, FilterNames.States, MinStates, MaxStates, cancellationToken);
        Chosen = asked.Value;
        Problems = [.. asked.Problems.Select(p => p.Format(localizer))];
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
                select new { State = s.Iso3, e.NormNumber, e.Id, e.Title, e.Summary, e.Language, e.Translations })
            .ToListAsync(cancellationToken);
        var language = Localization.PortalCultures.Current.Name;
        Newest = rows.GroupBy(r => (r.State, r.NormNumber))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EntryLink>)[.. g.Take(TitlesPerCell)
                .Select(r => (r.Id, Text: PublishedEntry.TextIn(r.Language, r.Title, r.Summary, r.Translations, language)))
                .Select(r => new EntryLink(r.Id, r.Text.Title, r.Text.Language))]);
    }
}
