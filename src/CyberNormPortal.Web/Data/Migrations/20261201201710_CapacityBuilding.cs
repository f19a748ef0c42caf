using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CyberNormPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CapacityBuilding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "To",
                table: "OutgoingMail",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Invitations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CapacityItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Side = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateIso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Norms = table.Column<List<int>>(type: "integer[]", nullable: false),
                    ActionKeys = table.Column<List<string>>(type: "text[]", nullable: false),
                    Categories = table.Column<int[]>(type: "integer[]", nullable: false),
                    Kinds = table.Column<int[]>(type: "integer[]", nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    Regions = table.Column<int[]>(type: "integer[]", nullable: false),
                    Timing = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AvailableFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    AvailableUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceReportId = table.Column<int>(type: "integer", nullable: true),
                    SourceActionKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSavedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    LastSavedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CapacityItems", x => x.Id);
                    table.CheckConstraint("CK_CapacityItems_OneOwner", "(\"StateIso3\" IS NULL) <> (\"OrganisationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_CapacityItems_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CapacityItems_Reports_SourceReportId",
                        column: x => x.SourceReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CapacityItems_States_StateIso3",
                        column: x => x.StateIso3,
                        principalTable: "States",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CapacityEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CapacityEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CapacityEvents_CapacityItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CapacityItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CapacityMatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NeedId = table.Column<int>(type: "integer", nullable: false),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NeedSideConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NeedSideConsentedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OfferSideConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OfferSideConsentedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IntroducedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CapacityMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CapacityMatches_CapacityItems_NeedId",
                        column: x => x.NeedId,
                        principalTable: "CapacityItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CapacityMatches_CapacityItems_OfferId",
                        column: x => x.OfferId,
                        principalTable: "CapacityItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatchId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchEvents_CapacityMatches_MatchId",
                        column: x => x.MatchId,
                        principalTable: "CapacityMatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_OrganisationId",
                table: "Invitations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityEvents_ItemId_At",
                table: "CapacityEvents",
                columns: new[] { "ItemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_Categories",
                table: "CapacityItems",
                column: "Categories")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_Kinds",
                table: "CapacityItems",
                column: "Kinds")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_Languages",
                table: "CapacityItems",
                column: "Languages")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_Norms",
                table: "CapacityItems",
                column: "Norms")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_OrganisationId",
                table: "CapacityItems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_Regions",
                table: "CapacityItems",
                column: "Regions")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_Side_Status_PublishedAt",
                table: "CapacityItems",
                columns: new[] { "Side", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_SourceReportId",
                table: "CapacityItems",
                column: "SourceReportId");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityItems_StateIso3",
                table: "CapacityItems",
                column: "StateIso3");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityMatches_NeedId_OfferId",
                table: "CapacityMatches",
                columns: new[] { "NeedId", "OfferId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CapacityMatches_OfferId",
                table: "CapacityMatches",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityMatches_Status_UpdatedAt",
                table: "CapacityMatches",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchEvents_MatchId_At",
                table: "MatchEvents",
                columns: new[] { "MatchId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Organisations_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_Organisations_OrganisationId",
                table: "Invitations",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Public needs and offers show on norm pages, State profiles, the API and the capacity list, which are
            // cached by publication version; the list's text search reads this expression index.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_CapacityItems_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CapacityItems"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                CREATE TRIGGER "TR_CapacityMatches_BumpPublicationVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CapacityMatches"
                    FOR EACH STATEMENT EXECUTE FUNCTION "BumpPublicationVersion"();
                CREATE INDEX "IX_CapacityItems_Text" ON "CapacityItems"
                    USING gin (to_tsvector('simple'::regconfig, "Title" || ' ' || "Description"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_CapacityItems_BumpPublicationVersion" ON "CapacityItems";
                DROP TRIGGER "TR_CapacityMatches_BumpPublicationVersion" ON "CapacityMatches";
                DROP INDEX "IX_CapacityItems_Text";
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Organisations_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_Organisations_OrganisationId",
                table: "Invitations");

            migrationBuilder.DropTable(
                name: "CapacityEvents");

            migrationBuilder.DropTable(
                name: "MatchEvents");

            migrationBuilder.DropTable(
                name: "CapacityMatches");

            migrationBuilder.DropTable(
                name: "CapacityItems");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_OrganisationId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<string>(
                name: "To",
                table: "OutgoingMail",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);
        }
    }
}
