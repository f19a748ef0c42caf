using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CyberNormPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedEntriesReadTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Revisions_SearchVector",
                table: "Revisions");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateTable(
                name: "PublishedEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RevisionId = table.Column<int>(type: "integer", nullable: false),
                    NormNumber = table.Column<int>(type: "integer", nullable: false),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    CycleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CycleSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    StateIso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    ReportingStates = table.Column<List<string>>(type: "text[]", nullable: false),
                    Regions = table.Column<string[]>(type: "text[]", nullable: false),
                    Groups = table.Column<List<string>>(type: "text[]", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PracticeCategories = table.Column<string[]>(type: "text[]", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEntries_CycleId_NormNumber",
                table: "PublishedEntries",
                columns: new[] { "CycleId", "NormNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEntries_Filters",
                table: "PublishedEntries",
                columns: new[] { "SearchVector", "NormNumber", "ReportingStates", "Regions", "Groups", "CycleSlug", "Kind", "PracticeCategories", "Language", "PublishedAt" })
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEntries_GroupId",
                table: "PublishedEntries",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEntries_NormNumber_PublishedAt",
                table: "PublishedEntries",
                columns: new[] { "NormNumber", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEntries_StateIso3_NormNumber_Visibility",
                table: "PublishedEntries",
                columns: new[] { "StateIso3", "NormNumber", "Visibility" });

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEntries_Visibility_PublishedAt_Id",
                table: "PublishedEntries",
                columns: new[] { "Visibility", "PublishedAt", "Id" },
                descending: new[] { false, true, true });

            // The read table follows its sources in the same transaction. RefreshPublishedEntries rewrites the rows of
            // some entries from Entries, their published revision, their author and their scope; a deferred trigger
            // calls it when a transaction that changed an entry commits (its revisions are saved by then), and
            // triggers on States, Groups, GroupMemberships and Cycles call it for the entries a change touches.
            migrationBuilder.Sql("""
                CREATE FUNCTION "RefreshPublishedEntries"(entry_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "PublishedEntries" WHERE "Id" = ANY (entry_ids);
                    INSERT INTO "PublishedEntries" ("Id", "RevisionId", "NormNumber", "CycleId", "CycleName", "CycleSlug", "StateIso3", "GroupId", "Kind",
                        "Visibility", "PublishedAt", "Title", "Summary", "PracticeCategories", "Language", "AuthorName",
                        "ReportingStates", "Regions", "Groups", "SearchVector")
                    SELECT e."Id", r."Id", e."NormNumber", e."CycleId", c."Name", c."Slug", e."StateIso3", e."GroupId", e."Kind",
                        e."Visibility", e."PublishedAt", r."Title", r."Summary", r."PracticeCategories", r."Language",
                        COALESCE(s."Name", g."Abbreviation"), sc.states, sc.regions, gr.groups, r."SearchVector"
                    FROM "Entries" e
                    JOIN "Revisions" r ON r."EntryId" = e."Id" AND r."Number" = e."PublishedRevisionNumber"
                    JOIN "Cycles" c ON c."Id" = e."CycleId"
                    LEFT JOIN "States" s ON s."Iso3" = e."StateIso3"
                    LEFT JOIN "Groups" g ON g."Id" = e."GroupId"
                    -- The States an entry speaks for: its own, or every member of its group; and their regions.
                    CROSS JOIN LATERAL (
                        SELECT COALESCE(array_agg(DISTINCT st."Iso3"::text), '{}') AS states,
                               COALESCE(array_agg(DISTINCT st."RegionalGroup"::text), '{}') AS regions
                        FROM "States" st
                        WHERE st."Iso3" = e."StateIso3"
                           OR st."Iso3" IN (SELECT m."StateIso3" FROM "GroupMemberships" m WHERE m."GroupId" = e."GroupId")
                    ) sc
                    -- The groups it counts for: its State's, or its own.
                    CROSS JOIN LATERAL (
                        SELECT COALESCE(array_agg(DISTINCT gg."Slug"::text), '{}') AS groups
                        FROM "Groups" gg
                        WHERE gg."Id" = e."GroupId"
                           OR gg."Id" IN (SELECT m."GroupId" FROM "GroupMemberships" m WHERE m."StateIso3" = e."StateIso3")
                    ) gr
                    WHERE e."Id" = ANY (entry_ids) AND e."PublishedAt" IS NOT NULL;
                $$;

                CREATE FUNCTION "EntryChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE'
                       AND OLD."PublishedRevisionNumber" IS NOT DISTINCT FROM NEW."PublishedRevisionNumber"
                       AND OLD."PublishedAt" IS NOT DISTINCT FROM NEW."PublishedAt"
                       AND OLD."Visibility" = NEW."Visibility" AND OLD."Kind" = NEW."Kind"
                       AND OLD."NormNumber" = NEW."NormNumber" AND OLD."CycleId" = NEW."CycleId"
                       AND OLD."StateIso3" IS NOT DISTINCT FROM NEW."StateIso3"
                       AND OLD."GroupId" IS NOT DISTINCT FROM NEW."GroupId" THEN
                        RETURN NULL; -- a draft saved or a review step: nothing readers see has changed
                    END IF;
                    PERFORM "RefreshPublishedEntries"(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD."Id" ELSE NEW."Id" END]);
                    RETURN NULL;
                END $$;

                CREATE CONSTRAINT TRIGGER "TR_Entries_RefreshPublishedEntries"
                    AFTER INSERT OR UPDATE OR DELETE ON "Entries"
                    DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION "EntryChanged"();

                CREATE FUNCTION "ScopeChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'GroupMemberships' THEN
                        PERFORM "RefreshPublishedEntries"(ARRAY(SELECT "Id" FROM "PublishedEntries"
                            WHERE "StateIso3" IN (OLD."StateIso3", NEW."StateIso3") OR "GroupId" IN (OLD."GroupId", NEW."GroupId")));
                    ELSIF TG_TABLE_NAME = 'States' THEN
                        PERFORM "RefreshPublishedEntries"(ARRAY(SELECT "Id" FROM "PublishedEntries"
                            WHERE "StateIso3" = NEW."Iso3"
                               OR "GroupId" IN (SELECT "GroupId" FROM "GroupMemberships" WHERE "StateIso3" = NEW."Iso3")));
                    ELSIF TG_TABLE_NAME = 'Groups' THEN
                        PERFORM "RefreshPublishedEntries"(ARRAY(SELECT "Id" FROM "PublishedEntries"
                            WHERE "GroupId" = NEW."Id"
                               OR "StateIso3" IN (SELECT "StateIso3" FROM "GroupMemberships" WHERE "GroupId" = NEW."Id")));
                    ELSE
                        PERFORM "RefreshPublishedEntries"(ARRAY(SELECT "Id" FROM "PublishedEntries" WHERE "CycleId" = NEW."Id"));
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER "TR_GroupMemberships_RefreshPublishedEntries" AFTER INSERT OR UPDATE OR DELETE ON "GroupMemberships"
                    FOR EACH ROW EXECUTE FUNCTION "ScopeChanged"();
                CREATE TRIGGER "TR_States_RefreshPublishedEntries" AFTER UPDATE OF "Name", "RegionalGroup" ON "States"
                    FOR EACH ROW WHEN (OLD."Name" <> NEW."Name" OR OLD."RegionalGroup" <> NEW."RegionalGroup")
                    EXECUTE FUNCTION "ScopeChanged"();
                CREATE TRIGGER "TR_Groups_RefreshPublishedEntries" AFTER UPDATE OF "Abbreviation", "Slug" ON "Groups"
                    FOR EACH ROW WHEN (OLD."Abbreviation" <> NEW."Abbreviation" OR OLD."Slug" <> NEW."Slug")
                    EXECUTE FUNCTION "ScopeChanged"();
                CREATE TRIGGER "TR_Cycles_RefreshPublishedEntries" AFTER UPDATE OF "Name", "Slug" ON "Cycles"
                    FOR EACH ROW WHEN (OLD."Name" <> NEW."Name" OR OLD."Slug" <> NEW."Slug")
                    EXECUTE FUNCTION "ScopeChanged"();

                -- What is published already.
                SELECT "RefreshPublishedEntries"(ARRAY(SELECT "Id" FROM "Entries" WHERE "PublishedAt" IS NOT NULL));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_Cycles_RefreshPublishedEntries" ON "Cycles";
                DROP TRIGGER "TR_Groups_RefreshPublishedEntries" ON "Groups";
                DROP TRIGGER "TR_States_RefreshPublishedEntries" ON "States";
                DROP TRIGGER "TR_GroupMemberships_RefreshPublishedEntries" ON "GroupMemberships";
                DROP FUNCTION "ScopeChanged"();
                DROP TRIGGER "TR_Entries_RefreshPublishedEntries" ON "Entries";
                DROP FUNCTION "EntryChanged"();
                DROP FUNCTION "RefreshPublishedEntries"(integer[]);
                """);

            migrationBuilder.DropTable(
                name: "PublishedEntries");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_SearchVector",
                table: "Revisions",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
