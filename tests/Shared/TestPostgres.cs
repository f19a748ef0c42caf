using CyberNormPortal.Web.Hosting;
using Npgsql;

namespace CyberNormPortal.Tests.Shared;

/// <summary>
/// The PostgreSQL server of one test run: the one PORTAL_TEST_DB names (as GitHub Actions provides),
/// or else a throwaway server started from the machine's binaries and removed afterwards.
/// Each caller gets a database of its own on it.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "PORTAL_TEST_DB";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnectionString;
    private static LocalPostgres? _throwaway;

    /// <summary>
    /// The throwaway server this run started, for tests that restart it; null when PORTAL_TEST_DB names an external
    /// server, which the tests must not restart.
    /// </summary>
    public static async Task<LocalPostgres?> ThrowawayServerAsync()
    {
        await ServerAsync();
        return _throwaway;
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await ServerAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await ServerAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string> ServerAsync()
    {
        if (_serverConnectionString is not null)
        {
            return _serverConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            if (_serverConnectionString is null)
            {
                var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(configured))
                {
                    // Create test databases next to the named one, connected through the maintenance database.
                    _serverConnectionString = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
                }
                else
                {
                    var root = Path.Combine(Path.GetTempPath(), $"cnp-test-pg-{Guid.NewGuid():N}");
                    _throwaway = await LocalPostgres.StartAsync(root, throwaway: true);
                    _serverConnectionString = _throwaway.ConnectionStringFor("postgres");
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => _throwaway.StopAsync().GetAwaiter().GetResult();
                }
            }

            return _serverConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }
}
