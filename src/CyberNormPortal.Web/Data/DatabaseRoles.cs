using Microsoft.EntityFrameworkCore;

namespace CyberNormPortal.Web.Data;

/// <summary>
/// Least privilege for the running portal. The migrate command connects as the role that owns the schema; the portal
/// serves through another role (<see cref="DatabaseOptions.AppRole"/>) that may read and write rows but owns nothing,
/// so it can neither drop nor disable the append-only audit triggers, and gets no UPDATE, DELETE or TRUNCATE on the
/// audit log at all. The grants are written again on every migrate, so tables added by later migrations are covered.
/// </summary>
public static class DatabaseRoles
{
    /// <summary>Tables the portal's role may read and append to, never change.</summary>
    public static readonly IReadOnlyList<string> AppendOnlyTables = ["AuditRecords", "__EFMigrationsHistory"];

    public static async Task GrantAppRoleAsync(PortalDbContext db, string role, CancellationToken cancellationToken = default)
    {
        // The role name travels as a bound parameter into a transaction-local setting (a DO block takes no
        // parameters), and format('%I') quotes it as an identifier: the setting cannot inject SQL.
        var appendOnly = string.Join(", ", AppendOnlyTables.Select(t => $"'{t}'"));
        var sql = $$"""
            DO $grant$
            DECLARE
                app text := current_setting('portal.app_role');
                t text;
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
                    RAISE EXCEPTION 'The portal''s database role "%" does not exist: create it (LOGIN, no other rights) before migrating.', app;
                END IF;
                EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
                EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
                FOREACH t IN ARRAY ARRAY[{{appendOnly}}] LOOP
                    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM %I', t, app);
                END LOOP;
                EXECUTE format('REVOKE INSERT ON %I FROM %I', '__EFMigrationsHistory', app);
            END
            $grant$
            """;
        // Idempotent, so the retrying strategy may run it whole again.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT set_config('portal.app_role', {role}, true)", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
