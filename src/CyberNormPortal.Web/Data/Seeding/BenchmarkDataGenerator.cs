using System.Globalization;
using CyberNormPortal.Domain.Cycles;
using CyberNormPortal.Domain.Entries;
using CyberNormPortal.Domain.Norms;
using CyberNormPortal.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CyberNormPortal.Web.Data.Seeding;

/// <summary>
/// <c>dotnet CyberNormPortal.Web.dll generate-data [entriesPerCell]</c>: a large, realistic-looking data set for
/// benchmarks — every State × every norm × three cycles × <c>entriesPerCell</c> (15 by default: about 95 000)
/// published entries, mostly TLP:CLEAR. Written with PostgreSQL's binary COPY, so it takes seconds, not hours.
/// Runs once per database: a second run finds the data and changes nothing. Never run it against production.
/// </summary>
public sealed class BenchmarkDataGenerator(PortalDbContext db, TimeProvider clock)
{
    public const string KeyPrefix = "bench/";

    /// <summary>What the generated texts are made of, per language: also the words the benchmark searches for.</summary>
    public static readonly IReadOnlyList<BenchmarkVocabulary> Vocabularies = [BenchmarkVocabulary.English, BenchmarkVocabulary.French, BenchmarkVocabulary.Spanish];

    public async Task<int> RunAsync(int entriesPerCell, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (await db.Entries.AnyAsync(e => e.ExternalKey != null && e.ExternalKey.StartsWith(KeyPrefix), cancellationToken))
        {
            await output.WriteLineAsync("Benchmark data is already there; nothing changed.");
            return 0;
        }

        var cycles = new List<int>();
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            var slug = $"bench-{year}";
            var cycle = await db.Cycles.SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
            if (cycle is null)
            {
                cycle = new ReportingCycle(slug, $"Benchmark cycle {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null, isOpen: false);
                db.Cycles.Add(cycle);
                await db.SaveChangesAsync(cancellationToken);
            }

            cycles.Add(cycle.Id);
        }

        var states = await db.States.OrderBy(s => s.Iso3).Select(s => s.Iso3).ToListAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var firstId = await ScalarAsync(connection, "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Entries\"", cancellationToken);
        var random = new Random(20191);
        var kinds = Enum.GetValues<EntryKind>();
        var categories = Enum.GetValues<PracticeCategory>();
        var rows = new List<(int Id, int Norm, int Cycle, string State, EntryKind Kind, TlpLabel Tlp, DateTimeOffset At, string Title, string Summary, string Body, string Language, string[] Categories)>();
        var id = firstId;
        for (var c = 0; c < cycles.Count; c++)
        {
            foreach (var state in states)
            {
                for (var norm = 1; norm <= Norm.Count; norm++)
                {
                    for (var i = 0; i < entriesPerCell; i++)
                    {
                        var roll = random.Next(100);
                        var tlp = roll < 90 ? TlpLabel.Clear : roll < 97 ? TlpLabel.Green : TlpLabel.Amber;
                        var at = new DateTimeOffset(2024 + c, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(525_000));
                        var language = random.Next(100) < 85 ? "en" : random.Next(2) == 0 ? "fr" : "es";
                        var words = Vocabularies.Single(v => v.Language == language);
                        var title = words.Sentence(random);
                        var summary = $"{title} {Pick(random, words.Details)}. {words.Sentence(random)} {Pick(random, words.Details)}.";
                        var body = string.Join("\n\n", Enumerable.Range(0, 4).Select(_ =>
                            $"{words.Sentence(random)} {Pick(random, words.Details)}. {string.Format(CultureInfo.InvariantCulture, words.Reports, norm, state)}"));
                        var chosen = categories.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select(x => x.ToString()).ToArray();
                        rows.Add((id++, norm, cycles[c], state, kinds[random.Next(kinds.Length)], tlp, at, title, summary, body, language, chosen));
                    }
                }
            }
        }

        var now = clock.GetUtcNow();

        // One transaction. The read table is filled once for all the new entries rather than by its per-entry trigger,
        // which is switched off only inside this transaction (ALTER TABLE is transactional in PostgreSQL).
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"ALTER TABLE \"Entries\" DISABLE TRIGGER \"{PublishedEntryConfiguration.EntriesTrigger}\"", cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"Entries\" (\"Id\", \"NormNumber\", \"CycleId\", \"StateIso3\", \"Status\", \"Kind\", \"Visibility\", \"CreatedAt\", \"PublishedAt\", \"UpdatedAt\", \"ExternalKey\", \"PublishedRevisionNumber\") FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var r in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(r.Id, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(r.Norm, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(r.Cycle, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(r.State, NpgsqlDbType.Char, cancellationToken);
                await writer.WriteAsync(nameof(EntryStatus.Published), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Tlp.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.At, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(r.At, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(r.At, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync($"{KeyPrefix}{r.Id.ToString(CultureInfo.InvariantCulture)}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"Revisions\" (\"EntryId\", \"Number\", \"Kind\", \"Title\", \"Summary\", \"Body\", \"Language\", \"Visibility\", \"PracticeCategories\", \"SavedAt\", \"SavedByName\", \"References\") FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var r in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(r.Id, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(r.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Title, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Summary, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Body, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Language, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Tlp.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(r.Categories, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(r.At, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync("Benchmark data generator", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("[]", NpgsqlDbType.Jsonb, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, $"SELECT \"{PublishedEntryConfiguration.RefreshFunction}\"(ARRAY(SELECT \"Id\" FROM \"Entries\" WHERE \"Id\" >= {firstId}))", cancellationToken);
        await ExecuteAsync(connection, $"ALTER TABLE \"Entries\" ENABLE TRIGGER \"{PublishedEntryConfiguration.EntriesTrigger}\"", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ScalarAsync(connection, "SELECT setval(pg_get_serial_sequence('\"Entries\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Entries\"))", cancellationToken);
        // Visibility map and statistics, as autovacuum would leave them: index-only scans and good plans from the start.
        await ExecuteAsync(connection, "VACUUM ANALYZE \"PublishedEntries\"", cancellationToken);
        await ExecuteAsync(connection, "ANALYZE \"Entries\"; ANALYZE \"Revisions\";", cancellationToken);

        await output.WriteLineAsync($"Generated {rows.Count:N0} published entries ({states.Count} States × {Norm.Count} norms × {cycles.Count} cycles × {entriesPerCell}) at {now:u}.");
        return 0;
    }

    internal static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
