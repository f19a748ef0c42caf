using System.Net;
using System.Security.Cryptography;
using CyberNormPortal.Tests.Shared;
using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Npgsql;

namespace CyberNormPortal.Web.IntegrationTests.Data;

/// <summary>
/// The deployment's least privilege: the migrate command runs as the owner and grants the portal's own role row
/// access only; the portal serves through that role, and that role can neither change the audit log nor switch off
/// the triggers that keep it append-only.
/// </summary>
public sealed class DatabaseRoleTests(DatabaseRoleTests.MigratedDatabase database) : IClassFixture<DatabaseRoleTests.MigratedDatabase>
{
    private readonly string _appConnection = database.AppConnection;
    private readonly string _ownerConnection = database.OwnerConnection;

    /// <summary>One database migrated by the migrate command with an app role, shared by this class's tests.</summary>
    public sealed class MigratedDatabase : IAsyncLifetime
    {
        private readonly string _role = $"portal_app_{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        private readonly string _password = RandomNumberGenerator.GetHexString(24);

        public string OwnerConnection { get; private set; } = "";

        public string AppConnection { get; private set; } = "";

        public async Task InitializeAsync()
        {
            OwnerConnection = await TestPostgres.CreateDatabaseAsync("portal_roles");
            // The role name and password are generated above (hex only), so they are safe to write into the statement.
            await ExecuteAsync(OwnerConnection, $"CREATE ROLE {_role} LOGIN PASSWORD '{_password}'");
            AppConnection = new NpgsqlConnectionStringBuilder(OwnerConnection) { Username = _role, Password = _password }.ConnectionString;

            var migrate = await PortalProcess.RunAsync(
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ConnectionStrings__Portal"] = OwnerConnection,
                    ["Database__AppRole"] = _role,
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                },
                ["migrate"]);
            Assert.True(migrate.ExitCode == 0, migrate.Error + migrate.Output);
        }

        public async Task DisposeAsync()
        {
            await TestPostgres.DropDatabaseAsync(OwnerConnection);
            await ExecuteAsync(new NpgsqlConnectionStringBuilder(OwnerConnection) { Database = "postgres" }.ConnectionString, $"DROP ROLE IF EXISTS {_role}");
        }
    }

    [Fact]
    public async Task ThePortalServesThroughItsOwnRole_AndWritesTheAuditLog()
    {
        await using var portal = new PortalAppFactory(_appConnection, migrateOnStartup: false);
        using var browser = portal.NewBrowser();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/norms/3")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/healthz/ready")).Status);
        var refused = await browser.SubmitAsync("/account/sign-in", new Dictionary<string, object?>
        {
            ["Input.Email"] = "nobody@example.invalid",
            ["Input.Password"] = "not the password at all",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);

        await using var connection = new NpgsqlConnection(_appConnection);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"AuditRecords\" WHERE \"Action\" = $1", connection)
        {
            Parameters = { new() { Value = AuditActions.SignInFailed } },
        };
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("UPDATE \"AuditRecords\" SET \"Action\" = 'rewritten'")]
    [InlineData("DELETE FROM \"AuditRecords\"")]
    [InlineData("TRUNCATE \"AuditRecords\"")]
    [InlineData("ALTER TABLE \"AuditRecords\" DISABLE TRIGGER ALL")]
    [InlineData("DROP TABLE \"AuditRecords\"")]
    [InlineData("DELETE FROM \"__EFMigrationsHistory\"")]
    [InlineData("CREATE TABLE \"Sneaky\" (id int)")]
    public async Task ThePortalsRole_IsRefused(string statement)
    {
        var marker = $"kept-{Guid.NewGuid():N}";
        await ExecuteAsync(_appConnection,
            $"INSERT INTO \"AuditRecords\" (\"At\", \"ActorName\", \"Action\") VALUES (now(), 'test', '{marker}')");

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_appConnection, statement));

        // Refused by the grants, before any trigger runs: the append-only trigger raises 42501 as well, so the message
        // tells the two apart ("permission denied for table …", or "must be owner of table …" for ALTER and DROP).
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.True(
            error.MessageText.StartsWith("permission denied", StringComparison.Ordinal) || error.MessageText.StartsWith("must be owner", StringComparison.Ordinal),
            error.MessageText);
        await using var connection = new NpgsqlConnection(_ownerConnection);
        await connection.OpenAsync();
        await using var kept = new NpgsqlCommand($"SELECT count(*) FROM \"AuditRecords\" WHERE \"Action\" = '{marker}'", connection);
        Assert.Equal(1L, await kept.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
