using CyberNormPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CyberNormPortal.Web.Health;

/// <summary>Ready when PostgreSQL answers and every migration of this build is applied.</summary>
public sealed class DatabaseReadyHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // One plain round trip first, outside EF's retrying strategy: a probe reports the database as it is now,
            // rather than waiting out a restart (requests do that). A broken pooled connection fails this once and is
            // discarded by Npgsql, so the next probe sees the restarted server.
            await using (var connection = new NpgsqlConnection(db.Database.GetConnectionString()))
            {
                await connection.OpenAsync(cancellationToken);
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable; migrations applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", exception);
        }
    }
}
