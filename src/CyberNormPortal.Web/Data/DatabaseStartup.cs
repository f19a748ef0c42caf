using CyberNormPortal.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CyberNormPortal.Web.Data;

/// <summary>
/// Brings the database to where the app can serve: migrations applied (or refused when pending),
/// reference data seeded.
/// </summary>
public sealed partial class DatabaseStartup(
    PortalDbContext db,
    ReferenceDataSeeder seeder,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseStartup> logger)
{
    public async Task RunAsync(bool migrate, CancellationToken cancellationToken = default)
    {
        if (migrate || options.Value.MigrateOnStartup)
        {
            // On a brand-new database EF would first query a history table that is not there yet and log
            // that as an error; creating it first keeps a newcomer's first start free of alarming lines.
            // An empty server gets its database first, as `dotnet ef database update` would do.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }

            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger);
            if (options.Value.AppRole is { Length: > 0 } appRole)
            {
                await DatabaseRoles.GrantAppRoleAsync(db, appRole, cancellationToken);
                LogGranted(logger, appRole);
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new PendingMigrationsException(pending);
        }

        var changes = await seeder.SeedAsync(cancellationToken);
        LogSeeded(logger, changes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrations applied")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Row access granted to the portal's database role {Role}")]
    private static partial void LogGranted(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data seeded: {Changes} rows added or updated")]
    private static partial void LogSeeded(ILogger logger, int changes);
}

public sealed class PendingMigrationsException(IReadOnlyList<string> pending) : Exception(
    $"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}); the portal will not start against it. " +
    "Apply them first: `dotnet CyberNormPortal.Web.dll migrate` (or `dotnet ef database update` from a source checkout).")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}
