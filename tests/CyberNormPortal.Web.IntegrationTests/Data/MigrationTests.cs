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
    public async Task App_RefusesToStart_AgainstADatabaseWithPendingMigrations()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("portal_pending");
        try
        {
            await using var factory = new PortalAppFactory(connectionString, migrateOnStartup: false);

            var failure = Record.Exception(() => factory.Server);

            var pending = Assert.IsType<PendingMigrationsException>(failure?.GetBaseException());
            Assert.NotEmpty(pending.Pending);
            Assert.Contains("migrate", pending.Message, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static PortalDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalNpgsql(connectionString);
        return new PortalDbContext(options.Options);
    }
}
