using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberNormPortal.Web.Data.Migrations
{
    /// <summary>
    /// Keeps each published entry's search vector in its row instead of the TOAST table (docs/benchmarks.md, issue 12).
    /// A vector is about 1.7 kB, so with the row's text it passed PostgreSQL's 2 kB threshold and went out of line:
    /// every match test and rank on a row then read three or four more pages. With STORAGE MAIN and a row target of a
    /// full page, a row (up to 8 kB) stays in one place. Existing vectors are rewritten so that they move in.
    /// Also <c>"ParsedQuery"(text)</c>: a query parsed once per search (TextSearch.ParseAsync), read back from its text.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261201160000_SearchVectorInline")]
    public partial class SearchVectorInline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "PublishedEntries" SET (toast_tuple_target = 8160);
                ALTER TABLE "PublishedEntries" ALTER COLUMN "SearchVector" SET STORAGE MAIN;
                UPDATE "PublishedEntries" SET "SearchVector" = "SearchVector" || ''::tsvector;
                CREATE FUNCTION "ParsedQuery"(query text) RETURNS tsquery
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    AS $$ SELECT query::tsquery $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION "ParsedQuery"(text);
                ALTER TABLE "PublishedEntries" RESET (toast_tuple_target);
                ALTER TABLE "PublishedEntries" ALTER COLUMN "SearchVector" SET STORAGE EXTENDED;
                """);
        }
    }
}
