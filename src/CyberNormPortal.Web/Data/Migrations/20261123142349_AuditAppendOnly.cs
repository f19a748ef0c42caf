using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberNormPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database too, not only in PortalDbContext: raw SQL through the app's
            // connection, or a psql session as its role, cannot change or remove a record either. Row-level for UPDATE
            // and DELETE, statement-level for TRUNCATE (which fires no row triggers). No session switch turns it off:
            // a settable "allow purge" flag would hand the app's own role, the one this guards against, a way round.
            // Only the tables' owner or a superuser can still disable triggers, so production should run the app
            // under a role that does not own the tables.
            migrationBuilder.Sql("""
                CREATE FUNCTION "RefuseAuditRewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit log is append-only: % on "AuditRecords" is refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END $$;

                CREATE TRIGGER "TR_AuditRecords_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditRecords"
                    FOR EACH ROW EXECUTE FUNCTION "RefuseAuditRewrite"();
                CREATE TRIGGER "TR_AuditRecords_NoTruncate" BEFORE TRUNCATE ON "AuditRecords"
                    FOR EACH STATEMENT EXECUTE FUNCTION "RefuseAuditRewrite"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_AuditRecords_NoTruncate" ON "AuditRecords";
                DROP TRIGGER "TR_AuditRecords_AppendOnly" ON "AuditRecords";
                DROP FUNCTION "RefuseAuditRewrite"();
                """);
        }
    }
}
