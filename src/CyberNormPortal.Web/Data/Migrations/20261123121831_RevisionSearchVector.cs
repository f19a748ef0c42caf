using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CyberNormPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisionSearchVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Revisions",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(\"Summary\", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(\"Body\", '')), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_SearchVector",
                table: "Revisions",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Revisions_SearchVector",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Revisions");
        }
    }
}
