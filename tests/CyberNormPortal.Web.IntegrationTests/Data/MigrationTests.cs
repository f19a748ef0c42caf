using System.Diagnostics;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Hosting;
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

    /// <summary>Runs the built portal as an operator would, in Production, and waits for it to exit.</summary>
    private static async Task<(int ExitCode, string Error)> RunPortalAsync(string connectionString, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Portal"] = connectionString,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CyberNormPortal.Web.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The portal did not exit: " + await output);
        }

        return (process.ExitCode, await error + await output);
    }

    private static PortalDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalNpgsql(connectionString);
        return new PortalDbContext(options.Options);
    }
}
