using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberNormPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicationVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One row, bumped in the same transaction as anything readers' shared pages show: the output cache keys
            // on it (Caching/PublishedContentCache.cs). Statement-level, so a bulk change bumps it once per statement.
            migrationBuilder.Sql("""
                CREATE TABLE "PublicationVersion" ("Id" integer PRIMARY KEY CHECK ("Id" = 1), "Version" bigint NOT NULL);
                INSERT INTO "PublicationVersion" VALUES (1, 1);

                CREATE FUNCTION "BumpPublicationVersion"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "PublicationVersion" SET "Version" = "Version" + 1 WHERE "Id" = 1;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER "TR_PublishedEntries_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PublishedEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                CREATE TRIGGER "TR_SynthesisStatements_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SynthesisStatements"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                CREATE TRIGGER "TR_Norms_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Norms"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                CREATE TRIGGER "TR_States_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "States"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                CREATE TRIGGER "TR_Groups_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Groups"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                CREATE TRIGGER "TR_GroupMemberships_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "GroupMemberships"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                CREATE TRIGGER "TR_Cycles_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Cycles"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                """);


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_PublishedEntries_BumpPublicationVersion" ON "PublishedEntries";
                DROP TRIGGER "TR_SynthesisStatements_BumpPublicationVersion" ON "SynthesisStatements";
                DROP TRIGGER "TR_Norms_BumpPublicationVersion" ON "Norms";
                DROP TRIGGER "TR_States_BumpPublicationVersion" ON "States";
                DROP TRIGGER "TR_Groups_BumpPublicationVersion" ON "Groups";
                DROP TRIGGER "TR_GroupMemberships_BumpPublicationVersion" ON "GroupMemberships";
                DROP TRIGGER "TR_Cycles_BumpPublicationVersion" ON "Cycles";
                DROP FUNCTION "BumpPublicationVersion"();
                DROP TABLE "PublicationVersion";
                """);


        }
    }
}
