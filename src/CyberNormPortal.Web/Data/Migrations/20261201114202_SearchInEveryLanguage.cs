using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CyberNormPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchInEveryLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishedEntries_Filters",
                table: "PublishedEntries");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "SynthesisStatements",
                type: "character varying(35)",
                maxLength: 35,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "SynthesisStatements",
                type: "jsonb",
                nullable: true,
                defaultValueSql: "'[]'::jsonb");

            // Rows written outside EF (the benchmark's bulk COPY) and those already there have no translations, not NULL.
            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "Revisions",
                type: "jsonb",
                nullable: true,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<List<string>>(
                name: "Languages",
                table: "PublishedEntries",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Translations",
                table: "PublishedEntries",
                type: "jsonb",
                nullable: true,
                defaultValueSql: "'[]'::jsonb");

            // Search in every language (ADR 12). Each language version of a revision is indexed with its language's
            // configuration (and unstemmed with 'simple', so exact words match whatever the reader's language); Han
            // characters are indexed as overlapping bigrams, as Chinese has no spaces between words and no
            // configuration of its own. A query is parsed the same way with the reader's language. All IMMUTABLE, so the
            // revision's vector stays a stored generated column.
            migrationBuilder.Sql("""
                CREATE FUNCTION "TextSearchConfiguration"(language text) RETURNS regconfig
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT (CASE lower(split_part(replace(coalesce(language, ''), '_', '-'), '-', 1))
                        WHEN 'ar' THEN 'arabic' WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'ru' THEN 'russian'
                        WHEN 'es' THEN 'spanish' WHEN 'de' THEN 'german' WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese'
                        ELSE 'simple' END)::regconfig
                $$;

                CREATE FUNCTION "HanBigrams"(text text) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT coalesce(string_agg(
                        CASE WHEN part.run ~ '^[㐀-䶿一-鿿豈-﫿𠀀-𮯯]'
                            THEN (SELECT string_agg(substr(part.run, i, 2), ' ' ORDER BY i)
                                  FROM generate_series(1, greatest(length(part.run) - 1, 1)) AS i)
                            ELSE part.run END,
                        ' ' ORDER BY part.n), '')
                    FROM regexp_matches(text, '[㐀-䶿一-鿿豈-﫿𠀀-𮯯]+|[^㐀-䶿一-鿿豈-﫿𠀀-𮯯]+', 'g') WITH ORDINALITY AS m(match, n)
                    CROSS JOIN LATERAL (SELECT m.match[1] AS run, m.n) AS part
                $$;

                CREATE FUNCTION "LanguageVector"(language text, title text, summary text, body text) RETURNS tsvector
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT setweight(to_tsvector(c.config, c.title), 'A') || setweight(to_tsvector(c.config, c.summary), 'B')
                        || setweight(to_tsvector(c.config, c.body), 'C')
                        || CASE WHEN c.config = 'simple'::regconfig THEN ''::tsvector ELSE
                            setweight(to_tsvector('simple', c.title), 'A') || setweight(to_tsvector('simple', c.summary), 'B')
                            || setweight(to_tsvector('simple', c.body), 'C') END
                    FROM (SELECT "TextSearchConfiguration"(language) AS config, "HanBigrams"(coalesce(title, '')) AS title,
                                 "HanBigrams"(coalesce(summary, '')) AS summary, "HanBigrams"(coalesce(body, '')) AS body) AS c
                $$;

                CREATE FUNCTION "RevisionSearchVector"(language text, title text, summary text, body text, translations jsonb) RETURNS tsvector
                    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
                DECLARE
                    vector tsvector := "LanguageVector"(language, title, summary, body);
                    translation jsonb;
                BEGIN
                    FOR translation IN SELECT value FROM jsonb_array_elements(coalesce(translations, '[]'::jsonb)) LOOP
                        vector := vector || "LanguageVector"(translation->>'Language', translation->>'Title', translation->>'Summary', translation->>'Body');
                    END LOOP;
                    RETURN vector;
                END
                $$;

                CREATE FUNCTION "SearchQuery"(language text, query text) RETURNS tsquery
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT websearch_to_tsquery("TextSearchConfiguration"(language), "HanBigrams"(query))
                        || websearch_to_tsquery('simple', "HanBigrams"(query))
                $$;
                """);

            // PostgreSQL 15 cannot change a generated column's expression: drop it and add it again (computed anew).
            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Revisions");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Revisions",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "\"RevisionSearchVector\"(\"Language\", \"Title\", \"Summary\", \"Body\", \"Translations\")",
                stored: true);

            // The read table also keeps the languages an entry can be read in and its translations' titles and
            // summaries; every published entry is rewritten with them (and its new vector).
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION "RefreshPublishedEntries"(entry_ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "PublishedEntries" WHERE "Id" = ANY (entry_ids);
                    INSERT INTO "PublishedEntries" ("Id", "RevisionId", "NormNumber", "CycleId", "CycleName", "CycleSlug", "StateIso3", "GroupId", "Kind",
                        "Visibility", "PublishedAt", "Title", "Summary", "PracticeCategories", "Language", "AuthorName",
                        "ReportingStates", "Regions", "Groups", "SearchVector", "Languages", "Translations")
                    SELECT e."Id", r."Id", e."NormNumber", e."CycleId", c."Name", c."Slug", e."StateIso3", e."GroupId", e."Kind",
                        e."Visibility", e."PublishedAt", r."Title", r."Summary", r."PracticeCategories", r."Language",
                        COALESCE(s."Name", g."Abbreviation"), sc.states, sc.regions, gr.groups, r."SearchVector", tr.languages, tr.translations
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
                    -- The languages it can be read in (the original first), and its translations' titles and summaries for lists.
                    CROSS JOIN LATERAL (
                        SELECT ARRAY[r."Language"::text] || COALESCE(array_agg(t->>'Language' ORDER BY n) FILTER (WHERE t IS NOT NULL), '{}') AS languages,
                               COALESCE(jsonb_agg(jsonb_build_object('Language', t->>'Language', 'Title', t->>'Title', 'Summary', t->>'Summary') ORDER BY n)
                                   FILTER (WHERE t IS NOT NULL), '[]'::jsonb) AS translations
                        FROM jsonb_array_elements(COALESCE(r."Translations", '[]'::jsonb)) WITH ORDINALITY AS x(t, n)
                    ) tr
                    WHERE e."Id" = ANY (entry_ids) AND e."PublishedAt" IS NOT NULL;
                $$;

                SELECT "RefreshPublishedEntries"(ARRAY(SELECT "Id" FROM "Entries" WHERE "PublishedAt" IS NOT NULL));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEntries_Filters",
                table: "PublishedEntries",
                columns: new[] { "SearchVector", "NormNumber", "ReportingStates", "Regions", "Groups", "CycleSlug", "Kind", "PracticeCategories", "Languages", "PublishedAt" })
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishedEntries_Filters",
                table: "PublishedEntries");

            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION "RefreshPublishedEntries"(entry_ids integer[]) RETURNS void LANGUAGE sql AS $$
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
                """);

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Revisions");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Revisions",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(\"Summary\", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(\"Body\", '')), 'C')",
                stored: true);

            migrationBuilder.Sql("""
                DROP FUNCTION "SearchQuery"(text, text);
                DROP FUNCTION "RevisionSearchVector"(text, text, text, text, jsonb);
                DROP FUNCTION "LanguageVector"(text, text, text, text);
                DROP FUNCTION "HanBigrams"(text);
                DROP FUNCTION "TextSearchConfiguration"(text);
                """);

            migrationBuilder.DropColumn(
                name: "Language",
                table: "SynthesisStatements");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "SynthesisStatements");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "PublishedEntries");

            migrationBuilder.DropColumn(
                name: "Translations",
                table: "PublishedEntries");

            migrationBuilder.Sql("""
                SELECT "RefreshPublishedEntries"(ARRAY(SELECT "Id" FROM "Entries" WHERE "PublishedAt" IS NOT NULL));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEntries_Filters",
                table: "PublishedEntries",
                columns: new[] { "SearchVector", "NormNumber", "ReportingStates", "Regions", "Groups", "CycleSlug", "Kind", "PracticeCategories", "Language", "PublishedAt" })
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
