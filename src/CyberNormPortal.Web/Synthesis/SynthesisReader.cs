using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.States;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Synthesis;

/// <summary>What a synthesis covers: a group, a cycle and a UN regional group, each optional.</summary>
public sealed record SynthesisScope(string? GroupSlug, string? CycleSlug, RegionalGroup? Region);

public enum SynthesisGrouping
{
    Kind,
    Category,
}

public sealed record ScopeOption(string Value, string Label);

public sealed record SynthesisSection(EntryKind? Kind, PracticeCategory? Category, IReadOnlyList<PublishedEntry> Entries);

/// <summary>A lead statement as a reader sees it: in their language where it exists, else the original.</summary>
public sealed record LeadStatement(string Text, string Language, bool IsOriginal);

public sealed record SynthesisNorm(
    int Number,
    string GgeReference,
    string ShortTitle,
    string FullText,
    LeadStatement? LeadStatement,
    int ReportingStates,
    int EntryCount,
    IReadOnlyList<SynthesisSection> Sections)
{
    public int ShownCount => Sections.Sum(s => s.Entries.Count);
}

public sealed record SynthesisView(
    string? GroupName,
    string? CycleName,
    RegionalGroup? Region,
    int ScopeStates,
    IReadOnlyList<SynthesisNorm> Norms,
    IReadOnlyList<ScopeOption> Groups,
    IReadOnlyList<ScopeOption> Cycles)
{
    public int EntryCount => Norms.Sum(n => n.EntryCount);
}

/// <summary>
/// Builds the norm-by-norm synthesis of one scope in a fixed handful of queries, however many
/// entries the scope holds.
/// </summary>
public sealed class SynthesisReader(PortalDbContext db)
{
    /// <summary>Bullets shown per norm; the rest are counted and reachable through search.</summary>
    public const int MaxEntriesPerNorm = 200;

    /// <summary>
    /// The synthesis of <paramref name="scope"/> as <paramref name="reader"/> may see it; lead statements in
    /// <paramref name="language"/> where they have a version in it (the reader's language by default), else the original.
    /// </summary>
    public async Task<SynthesisView> ReadAsync(
        SynthesisScope scope, Reader reader, SynthesisGrouping grouping, CancellationToken cancellationToken = default, string? language = null)
    {
        language ??= Localization.PortalCultures.Current.Name;
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Abbreviation)
            .Select(g => new { g.Id, g.Slug, g.Name, g.Abbreviation })
            .ToListAsync(cancellationToken);
        var cycles = await db.Cycles.AsNoTracking().OrderByDescending(c => c.OpensOn)
            .Select(c => new { c.Id, c.Slug, c.Name, c.ScopeGroupId })
            .ToListAsync(cancellationToken);

        // The scope comes from SynthesisScopeParser, which has named any group or cycle that does not exist.
        var group = scope.GroupSlug is null ? null : groups.FirstOrDefault(g => g.Slug == scope.GroupSlug);
        var cycle = scope.CycleSlug is null ? null : cycles.FirstOrDefault(c => c.Slug == scope.CycleSlug);

        var scopeStates = await ScopeStatesAsync(group?.Id ?? cycle?.ScopeGroupId, scope.Region, cancellationToken);
        var entries = ScopedEntries(reader, group?.Slug, cycle?.Slug, scope.Region);

        var norms = await db.Norms.AsNoTracking().OrderBy(n => n.Number)
            .Select(n => new { n.Number, n.ShortTitle, n.FullText })
            .ToListAsync(cancellationToken);

        var counts = await entries.GroupBy(e => e.NormNumber)
            .Select(g => new { Norm = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Norm, x => x.Count, cancellationToken);

        var shown = await (
                from n in db.Norms
                from e in entries.Where(e => e.NormNumber == n.Number)
                    .OrderBy(e => e.PublishedAt).ThenBy(e => e.Id).Take(MaxEntriesPerNorm)
                select e)
            .ToListAsync(cancellationToken);

        var reporting = await ReportingStatesAsync(entries, scopeStates, cancellationToken);

        // A lead statement speaks for a group in a cycle; a regional cut of it is not what it said.
        var statements = scope.Region is null && (group is not null || cycle is not null)
            ? await db.SynthesisStatements.AsNoTracking()
                .Where(s => s.GroupId == (group == null ? null : group.Id) && s.CycleId == (cycle == null ? null : cycle.Id))
                .ToDictionaryAsync(s => s.NormNumber, cancellationToken)
            : [];

        // SQL keeps no order across the per-norm subqueries: restore it here.
        var byNorm = shown.OrderBy(e => e.PublishedAt).ThenBy(e => e.Id).ToLookup(e => e.NormNumber);
        var synthesisNorms = norms.Select(n => new SynthesisNorm(
                n.Number,
                Domain.Norms.Norm.GgeReferenceFor(n.Number),
                n.ShortTitle,
                n.FullText,
                statements.TryGetValue(n.Number, out var statement) ? Shown(statement, language) : null,
                reporting.GetValueOrDefault(n.Number),
                counts.GetValueOrDefault(n.Number),
                Sections(byNorm[n.Number], grouping)))
            .ToList();

        return new SynthesisView(
            group?.Name,
            cycle?.Name,
            scope.Region,
            scopeStates.Count,
            synthesisNorms,
            [.. groups.Select(g => new ScopeOption(g.Slug, $"{g.Abbreviation} – {g.Name}"))],
            [.. cycles.Select(c => new ScopeOption(c.Slug, c.Name))]);
    }

    private static LeadStatement Shown(Domain.Synthesis.SynthesisStatement statement, string language)
    {
        var text = statement.TextIn(language);
        return new LeadStatement(text.Text, text.Language, IsOriginal: text.Language == statement.Language);
    }

    private static List<SynthesisSection> Sections(IEnumerable<PublishedEntry> entries, SynthesisGrouping grouping) =>
        grouping switch
        {
            SynthesisGrouping.Kind => [.. entries.GroupBy(e => e.Kind).OrderBy(g => g.Key)
                .Select(g => new SynthesisSection(g.Key, null, [.. g]))],
            SynthesisGrouping.Category => [.. entries
                .GroupBy(e => e.PracticeCategories.Count > 0 ? e.PracticeCategories[0] : PracticeCategory.NationalStrategy)
                .OrderBy(g => g.Key)
                .Select(g => new SynthesisSection(null, g.Key, [.. g]))],
        };

    private IQueryable<PublishedEntry> ScopedEntries(Reader reader, string? groupSlug, string? cycleSlug, RegionalGroup? region) =>
        new Search.EntryFilters(Group: groupSlug, Cycle: cycleSlug, Region: region).Apply(db.PublishedEntries(reader));

    private async Task<HashSet<string>> ScopeStatesAsync(int? groupId, RegionalGroup? region, CancellationToken cancellationToken)
    {
        var states = db.States.AsNoTracking();
        if (groupId is { } group)
        {
            states = states.Where(s => db.GroupMemberships.Any(m => m.GroupId == group && m.StateIso3 == s.Iso3));
        }

        if (region is { } regional)
        {
            states = states.Where(s => s.RegionalGroup == regional);
        }

        return [.. await states.Select(s => s.Iso3).ToListAsync(cancellationToken)];
    }

    /// <summary>
    /// How many of the scope's States reported anything on each norm. A joint entry of a group counts
    /// for each of the group's members.
    /// </summary>
    private async Task<Dictionary<int, int>> ReportingStatesAsync(
        IQueryable<PublishedEntry> entries, HashSet<string> scopeStates, CancellationToken cancellationToken)
    {
        var reported = await entries
            .SelectMany(e => e.ReportingStates, (e, state) => new { e.NormNumber, State = state })
            .Distinct()
            .ToListAsync(cancellationToken);

        return reported
            .Where(x => scopeStates.Contains(x.State))
            .GroupBy(x => x.NormNumber)
            .ToDictionary(g => g.Key, g => g.Select(x => x.State).Distinct().Count());
    }
}
