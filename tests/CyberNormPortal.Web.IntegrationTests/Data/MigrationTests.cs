using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.IntegrationTests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndLeaveNothingPending()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("portal_migrate");
        try
        {
            await using var db = CreateContext(connectionString);
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());

            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Entries.CountAsync());
            Assert.Equal(0, await db.Norms.CountAsync());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        using var db = CreateContext("Host=127.0.0.1;Database=unused");

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration (dotnet ef migrations add).");
    }

    [Fact]
    public async Task App_RefusesToStart_AgainstADatabaseWithPendingMigrations_SayingWhatToRun()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("portal_pending");
        try
        {
            var (exitCode, error) = await RunPortalAsync(connectionString);

            Assert.Equal(2, exitCode);
            Assert.Contains("pending migration", error, StringComparison.Ordinal);
            Assert.Contains("CyberNormPortal.Web.dll migrate", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task MigrateCommand_MigratesAndSeeds_ThenThePortalStarts()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("portal_migrate_cmd");
        try
        {
            var (exitCode, error) = await RunPortalAsync(connectionString, "migrate");

            Assert.True(exitCode == 0, error);
            await using var db = CreateContext(connectionString);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(193, await db.States.CountAsync());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<(int ExitCode, string Error)> RunPortalAsync(string connectionString, params string[] arguments)
    {
        var result = await PortalProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Portal"] = connectionString,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
            arguments);
        return (result.ExitCode, result.Error + result.Output);
    }

    private static PortalDbContext CreateContext(string connectionString) => DesignTimeDbContextFactory.Create(connectionString);
}
