using CyberNormPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Filters;

/// <summary>Which of the States, groups and cycles a query string names exist.</summary>
public sealed record KnownReferences(IReadOnlySet<string> States, IReadOnlySet<string> Groups, IReadOnlySet<string> Cycles)
{
    public static readonly KnownReferences None = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    /// <summary><paramref name="iso3"/> when that State exists; otherwise null, and the problem noted.</summary>
    public string? State(string? iso3, QueryValues values) => Keep(iso3, States, FilterNames.State, FilterMessages.State, values);

    public string? Group(string? slug, QueryValues values) => Keep(slug, Groups, FilterNames.Group, FilterMessages.Group, values);

    public string? Cycle(string? slug, QueryValues values) => Keep(slug, Cycles, FilterNames.Cycle, FilterMessages.Cycle, values);

    private static string? Keep(string? value, IReadOnlySet<string> known, string parameter, string messageKey, QueryValues values)
    {
        if (value is null || known.Contains(value))
        {
            return value;
        }

        values.Add(parameter, messageKey, QueryValues.Echo(value));
        return null;
    }
}

/// <summary>
/// Looks up whether the States, groups and cycles a request names exist: one small indexed query for all of them
/// together, and none when the request names none.
/// </summary>
public sealed class ReferenceLookup(PortalDbContext db)
{
    public async Task<KnownReferences> FindAsync(
        IReadOnlyCollection<string> states, IReadOnlyCollection<string> groups, IReadOnlyCollection<string> cycles, CancellationToken cancellationToken)
    {
        if (states.Count == 0 && groups.Count == 0 && cycles.Count == 0)
        {
            return KnownReferences.None;
        }

        string[] stateKeys = [.. states], groupKeys = [.. groups], cycleKeys = [.. cycles];
        var rows = await db.Database.SqlQuery<ReferenceRow>($"""
            SELECT 's' AS "Kind", "Iso3" AS "Key" FROM "States" WHERE "Iso3" = ANY({stateKeys})
            UNION ALL SELECT 'g', "Slug" FROM "Groups" WHERE "Slug" = ANY({groupKeys})
            UNION ALL SELECT 'c', "Slug" FROM "Cycles" WHERE "Slug" = ANY({cycleKeys})
            """).ToListAsync(cancellationToken);
        HashSet<string> Of(string kind) => [.. rows.Where(r => r.Kind == kind).Select(r => r.Key)];
        return new KnownReferences(Of("s"), Of("g"), Of("c"));
    }

    private sealed class ReferenceRow
    {
        public string Kind { get; init; } = "";

        public string Key { get; init; } = "";
    }
}
