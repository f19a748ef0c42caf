using AngleSharp;
using AngleSharp.Dom;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.Data;
using CyberNormPortal.Web.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;

namespace CyberNormPortal.Web.IntegrationTests.Infrastructure;

/// <summary>
/// One portal for the whole test run, on a database of its own that is migrated once; each test
/// starts from the seeded reference data (<see cref="ResetAsync"/>).
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private Respawner? _respawner;

    public PortalAppFactory Factory { get; private set; } = null!;

    public string ConnectionString => Factory.ConnectionString;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("portal_it");
        Factory = new PortalAppFactory(connectionString);
        _ = Factory.Server; // starts the app: migrations and seeding run now, once

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // Fixed reference data stays; everything a test may add goes, and the seeder restores the rest.
            // The audit log refuses deletes (a trigger), so ResetAsync clears it on its own.
            TablesToIgnore = ["__EFMigrationsHistory", "Norms", "States", "PublicationVersion", "AuditRecords"],
        });
    }

    /// <summary>Back to freshly seeded data: whatever an earlier test added is gone.</summary>
    public async Task ResetAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await _respawner!.ResetAsync(connection);

            // The append-only trigger refuses this DELETE as it would anyone's. Replica mode skips ordinary triggers
            // for this one statement; it needs a superuser (the throwaway test server's), so the app's role in
            // production cannot do the same, and nothing in the app or the schema has a way round the trigger.
            await using (var purge = new NpgsqlCommand(
                "SET session_replication_role = replica; DELETE FROM \"AuditRecords\"; SET session_replication_role = origin;", connection))
            {
                await purge.ExecuteNonQueryAsync();
            }

            // States stay (fixed reference data), but a test may have changed who is an initiative member:
            // back to partners, and the seeder makes the G7 members again.
            await using var command = new NpgsqlCommand(
                "UPDATE \"States\" SET \"Participation\" = 'Partner' WHERE \"Participation\" <> 'Partner'", connection);
            await command.ExecuteNonQueryAsync();
        }

        await WithServicesAsync(services => services.GetRequiredService<ReferenceDataSeeder>().SeedAsync());
    }

    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action) =>
        WithServicesAsync(services => action(services.GetRequiredService<PortalDbContext>()));

    public Task WithDbAsync(Func<PortalDbContext, Task> action) =>
        WithDbAsync(async db =>
        {
            await action(db);
            return true;
        });

    /// <summary>GETs a page as a browser would and parses it.</summary>
    public async Task<(System.Net.HttpStatusCode Status, IDocument Document)> GetPageAsync(string url)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
        return (response.StatusCode, document);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}

/// <summary>Base of tests against the running portal: each starts from freshly seeded data.</summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTest(PortalFixture fixture) : IAsyncLifetime
{
    protected PortalFixture Portal { get; } = fixture;

    public Task InitializeAsync() => Portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
