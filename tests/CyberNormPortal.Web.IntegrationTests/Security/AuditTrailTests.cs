using CyberNormPortal.Web.Auditing;
using CyberNormPortal.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CyberNormPortal.Web.IntegrationTests.Security;

/// <summary>
/// The audit log cannot be rewritten by anyone who connects as the app does: raw SQL on the app's own connection
/// string meets the database trigger, not only the DbContext's check.
/// </summary>
public sealed class AuditTrailTests(PortalFixture portal) : PortalTest(portal)
{
    public static TheoryData<string> Rewrites => new()
    {
        "UPDATE \"AuditRecords\" SET \"Action\" = 'nothing-happened', \"ActorName\" = 'someone else'",
        "UPDATE \"AuditRecords\" SET \"At\" = \"At\" - interval '1 year' WHERE \"Action\" = 'sign-in'",
        "DELETE FROM \"AuditRecords\"",
        "DELETE FROM \"AuditRecords\" WHERE \"Action\" = 'roles-changed'",
        "TRUNCATE \"AuditRecords\"",
        "TRUNCATE \"AuditRecords\" RESTART IDENTITY CASCADE",
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public async Task RawSql_ThroughTheAppsConnection_IsRefusedAndLeavesTheRecords(string sql)
    {
        await AddRecordsAsync();
        var before = await SnapshotAsync();

        await using var connection = new NpgsqlConnection(Portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("The audit log is append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Insert_ThroughTheApp_StillWorks()
    {
        await AddRecordsAsync();

        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditRecords.CountAsync()));
    }

    private Task AddRecordsAsync() => Portal.WithDbAsync(async db =>
    {
        db.AuditRecords.Add(new AuditRecord(DateTimeOffset.UtcNow, null, "ada@example.org", AuditActions.SignIn, "user:ada@example.org", null, "127.0.0.1"));
        db.AuditRecords.Add(new AuditRecord(DateTimeOffset.UtcNow, null, "Admin", AuditActions.RolesChanged, "user:bob@example.org", "Analyst → Administrator", null));
        await db.SaveChangesAsync();
    });

    private Task<string> SnapshotAsync() => Portal.WithDbAsync(async db =>
    {
        var rows = await db.AuditRecords.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.At, a.ActorName, a.Action, a.Subject, a.Details, a.IpAddress })
            .ToListAsync();
        Assert.NotEmpty(rows);
        return string.Join("\n", rows);
    });
}
