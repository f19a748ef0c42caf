using System.Net;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Npgsql;

namespace CyberNormPortal.Web.IntegrationTests.Reliability;

/// <summary>The portal as its own process, stopped with SIGTERM while a request is still being answered.</summary>
public sealed class GracefulShutdownTests
{
    /// <summary>Longer than .NET's old 5-second default: only the portal's own shutdown timeout lets it finish.</summary>
    private static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(7);

    [Fact]
    public async Task Sigterm_LetsTheRequestInFlightFinish_ThenTheProcessExitsCleanly()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("portal_shutdown");
        try
        {
            await using (var factory = new PortalAppFactory(connectionString))
            {
                _ = factory.Server; // migrated and seeded
            }

            await using var portal = await RunningPortal.StartAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ConnectionStrings__Portal"] = connectionString,
            });
            using var client = new HttpClient { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

            // The norm page waits on a lock the test holds, so the request is certainly in flight when SIGTERM comes.
            await using var blocker = new NpgsqlConnection(connectionString);
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockNorms = new NpgsqlCommand("LOCK TABLE \"Norms\" IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await lockNorms.ExecuteNonQueryAsync();
            }

            var request = client.GetAsync("/norms/3");
            await WaitForABlockedQueryAsync(connectionString);

            portal.Terminate();
            await Task.Delay(HeldFor);
            Assert.False(portal.HasExited, "the portal must wait for the request in flight");
            Assert.False(request.IsCompleted);

            await transaction.RollbackAsync();
            using var response = await request;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Norm 3", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await portal.ExitCodeAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("Application is shutting down", portal.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task WaitForABlockedQueryAsync(string connectionString)
    {
        await using var monitor = new NpgsqlConnection(connectionString);
        await monitor.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", monitor);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The norm page never reached the database.");
    }
}
