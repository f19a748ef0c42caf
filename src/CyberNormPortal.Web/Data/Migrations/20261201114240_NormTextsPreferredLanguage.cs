using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberNormPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NormTextsPreferredLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "OutgoingMail",
                type: "character varying(35)",
                maxLength: 35,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "AspNetUsers",
                type: "character varying(35)",
                maxLength: 35,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.CreateTable(
                name: "NormTexts",
                columns: table => new
                {
                    NormNumber = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NormTexts", x => new { x.NormNumber, x.Language });
                    table.ForeignKey(
                        name: "FK_NormTexts_Norms_NormNumber",
                        column: x => x.NormNumber,
                        principalTable: "Norms",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            // The norm pages show these texts to anonymous readers from the output cache: a text entered or replaced
            // bumps the publication version like a change to Norms does (migration PublicationVersion).
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_NormTexts_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "NormTexts"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "TR_NormTexts_BumpPublicationVersion" ON "NormTexts";""");

            migrationBuilder.DropTable(
                name: "NormTexts");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "AspNetUsers");
        }
    }
}
