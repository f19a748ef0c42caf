using CyberNormPortal.Domain.Reports;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CyberNormPortal.Web.Reports;

/// <summary>A cycle with published reports, and how many States' reports one reader may see in it.</summary>
public sealed record ReportCycle(int Id, string Slug, string Name, DateOnly ClosesOn, int States);

/// <summary>One checklist action of a cycle, in the words of the newest questionnaire version that lists its key.</summary>
public sealed record ChecklistItem(string Key, int NormNumber, int Position, string Text, string Source);

/// <summary>How many States gave one status: to an action (<see cref="ActionKey"/>) or to any action of a norm (null).</summary>
public sealed record StatusCount(int NormNumber, string? ActionKey, ChecklistStatus Status, int States);

/// <summary>A published report part that matches a search.</summary>
public sealed record ReportPartMatch(string StateIso3, string CycleSlug, string CycleName, string PartTitle, string Text, DateTimeOffset PublishedAt);

/// <summary>
/// How readers read published reports across States: every query goes through the read tables
/// (<see cref="PublishedActionStatus"/>, <see cref="PublishedReportPart"/>) filtered by the one reading rule
/// (<see cref="ReportVisibility"/>), so a count and the list behind it can never disagree.
/// </summary>
public static class PublishedReportReading
{
    /// <summary>The order statuses are shown in: what is done first.</summary>
    public static readonly IReadOnlyList<ChecklistStatus> StatusOrder =
        [ChecklistStatus.Implemented, ChecklistStatus.InProgress, ChecklistStatus.NotStarted, ChecklistStatus.NotApplicable];

    /// <summary>Cycles where <paramref name="reader"/> may see at least one published report, newest first.</summary>
    public static async Task<List<ReportCycle>> CyclesWithReportsAsync(this PortalDbContext db, Reader reader, CancellationToken cancellationToken)
    {
        var counts = await db.PublishedReportParts.AsNoTracking().VisibleTo(reader)
            .GroupBy(p => p.CycleId)
            .Select(g => new { CycleId = g.Key, States = g.Select(p => p.StateIso3).Distinct().Count() })
            .ToDictionaryAsync(x => x.CycleId, x => x.States, cancellationToken);
        var ids = counts.Keys.ToList();
        var cycles = await db.Cycles.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderByDescending(c => c.ClosesOn).ThenBy(c => c.Slug)
            .Select(c => new { c.Id, c.Slug, c.Name, c.ClosesOn })
            .ToListAsync(cancellationToken);
        return [.. cycles.Select(c => new ReportCycle(c.Id, c.Slug, c.Name, c.ClosesOn, counts[c.Id]))];
    }

    /// <summary>The cycle of <paramref name="slug"/> with the number of States whose reports <paramref name="reader"/> may see; null when there is no such cycle.</summary>
    public static async Task<ReportCycle?> ReportCycleAsync(this PortalDbContext db, string slug, Reader reader, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Slug, c.Name, c.ClosesOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        var states = await db.ReportedStatesAsync(cycle.Id, reader, cancellationToken);
        return new ReportCycle(cycle.Id, cycle.Slug, cycle.Name, cycle.ClosesOn, states.Count);
    }

    /// <summary>The States of the cycle with a published report (at least one part) that <paramref name="reader"/> may see.</summary>
    public static Task<List<string>> ReportedStatesAsync(this PortalDbContext db, int cycleId, Reader reader, CancellationToken cancellationToken) =>
        db.PublishedReportParts.AsNoTracking().VisibleTo(reader)
            .Where(p => p.CycleId == cycleId)
            .Select(p => p.StateIso3).Distinct()
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The cycle's checklist: every action key of any of its questionnaire versions, with the text of the newest
    /// version that holds the key, by norm and position. One query.
    /// </summary>
    public static async Task<List<ChecklistItem>> ChecklistAsync(this PortalDbContext db, int cycleId, CancellationToken cancellationToken)
    {
        var rows = await db.ChecklistActions.AsNoTracking()
            .Join(db.Questionnaires.Where(q => q.CycleId == cycleId), a => a.QuestionnaireId, q => q.Id, (a, q) => new
            {
                a.Key,
                a.NormNumber,
                a.Position,
                a.Text,
                a.Source,
                q.Version,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.Version)!)
            .OrderBy(r => r.NormNumber).ThenBy(r => r.Position).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new ChecklistItem(r.Key, r.NormNumber, r.Position, r.Text, r.Source))];
    }

    /// <summary>
    /// How many States report each status, per action and per norm (a State counts once for a norm however many of
    /// its actions have the status): two grouped queries, however many norms and actions.
    /// </summary>
    public static async Task<List<StatusCount>> StatusCountsAsync(this PortalDbContext db, int cycleId, Reader reader, CancellationToken cancellationToken)
    {
        var rows = db.PublishedActionStatuses.AsNoTracking().VisibleTo(reader).Where(a => a.CycleId == cycleId);
        var perAction = await rows
            .GroupBy(a => new { a.NormNumber, a.ActionKey, a.Status })
            .Select(g => new { g.Key.NormNumber, g.Key.ActionKey, g.Key.Status, States = g.Select(a => a.StateIso3).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var perNorm = await rows
            .GroupBy(a => new { a.NormNumber, a.Status })
            .Select(g => new { g.Key.NormNumber, g.Key.Status, States = g.Select(a => a.StateIso3).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return
        [
            .. perAction.Select(c => new StatusCount(c.NormNumber, c.ActionKey, c.Status, c.States)),
            .. perNorm.Select(c => new StatusCount(c.NormNumber, null, c.Status, c.States)),
        ];
    }

    /// <summary>The States that gave <paramref name="status"/> to the action <paramref name="actionKey"/>, or to any action of <paramref name="norm"/>.</summary>
    public static Task<List<string>> StatesWithStatusAsync(
        this PortalDbContext db, int cycleId, Reader reader, string? actionKey, int? norm, ChecklistStatus status, CancellationToken cancellationToken)
    {
        var rows = db.PublishedActionStatuses.AsNoTracking().VisibleTo(reader).Where(a => a.CycleId == cycleId && a.Status == status);
        rows = actionKey is not null ? rows.Where(a => a.ActionKey == actionKey) : rows.Where(a => a.NormNumber == norm);
        return rows.Select(a => a.StateIso3).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>The statuses <paramref name="reader"/> may see of the States <paramref name="states"/> in the cycle, by (State, action key).</summary>
    public static async Task<Dictionary<(string State, string Action), ChecklistStatus>> StatusesAsync(
        this PortalDbContext db, int cycleId, Reader reader, IReadOnlyCollection<string>? states, CancellationToken cancellationToken)
    {
        var rows = db.PublishedActionStatuses.AsNoTracking().VisibleTo(reader).Where(a => a.CycleId == cycleId);
        if (states is not null)
        {
            rows = rows.Where(a => states.Contains(a.StateIso3));
        }

        var list = await rows.Select(a => new { a.StateIso3, a.ActionKey, a.Status }).ToListAsync(cancellationToken);
        return list.ToDictionary(a => (a.StateIso3, a.ActionKey), a => a.Status);
    }

    /// <summary>
    /// Published report parts matching the words <paramref name="query"/>, newest first, with how many match in all.
    /// The parts' vector is built with the <c>simple</c> configuration (PublishedReportPartConfiguration), so the words
    /// are parsed with it too, in web-search syntax.
    /// </summary>
    public static async Task<(int Total, List<ReportPartMatch> Matches)> SearchReportsAsync(
        this PortalDbContext db, string query, Reader reader, int take, CancellationToken cancellationToken)
    {
        var parts = db.PublishedReportParts.AsNoTracking().VisibleTo(reader)
            .Where(p => EF.Property<NpgsqlTsVector>(p, PublishedReportPartSearch.VectorProperty)
                .Matches(EF.Functions.WebSearchToTsQuery(PublishedReportPartSearch.Configuration, query)));
        var total = await parts.CountAsync(cancellationToken);
        var rows = await parts.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.StateIso3).Take(take)
            .Join(db.Cycles, p => p.CycleId, c => c.Id, (p, c) => new { p.StateIso3, c.Slug, c.Name, p.Text, p.PublishedAt })
            .ToListAsync(cancellationToken);
        return (total, [.. rows.Select(r => new ReportPartMatch(r.StateIso3, r.Slug, r.Name, r.Text.Split('\n')[0], r.Text, r.PublishedAt))]);
    }

    /// <summary>A short plain-text excerpt of <paramref name="text"/> around the first line holding a word of <paramref name="query"/>.</summary>
    public static string Excerpt(string text, string query, int length = 240)
    {
        var words = query.Split([' ', '"', '-', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Equals("or", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var lines = text.Split('\n').Skip(1).ToList();
        var line = lines.FirstOrDefault(l => words.Any(w => l.Contains(w, StringComparison.CurrentCultureIgnoreCase)))
                   ?? lines.FirstOrDefault() ?? text;
        return Truncate(line, length);
    }

    /// <summary><paramref name="text"/> cut at a word to at most <paramref name="length"/> characters, with an ellipsis when cut.</summary>
    public static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)].TrimEnd() + "…";
    }
}

/// <summary>How report parts are searched: the vector column and the configuration its text was parsed with.</summary>
public static class PublishedReportPartSearch
{
    public const string VectorProperty = Data.Configurations.PublishedReportPartConfiguration.SearchVectorProperty;

    /// <summary>The configuration of <c>to_tsvector('simple', "Text")</c> in PublishedReportPartConfiguration.</summary>
    public const string Configuration = "simple";
}
