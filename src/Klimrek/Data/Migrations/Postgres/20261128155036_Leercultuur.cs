using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Klimrek.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Leercultuur : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Organisations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sector",
                table: "Organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganisationMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrgUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrgUnits_OrgUnits_ParentId",
                        column: x => x.ParentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrgUnits_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanInstruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanInstruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Block = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    TextNl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Options = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MultipleChoice = table.Column<bool>(type: "boolean", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanItems_ScanInstruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "ScanInstruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OpenToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanRounds_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScanRounds_ScanInstruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "ScanInstruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoachingRoutes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    CoachId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedHours = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Intake = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Plan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    FirstRoundId = table.Column<int>(type: "integer", nullable: true),
                    SecondRoundId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingRoutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingRoutes_AspNetUsers_CoachId",
                        column: x => x.CoachId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoachingRoutes_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoachingRoutes_ScanRounds_FirstRoundId",
                        column: x => x.FirstRoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CoachingRoutes_ScanRounds_SecondRoundId",
                        column: x => x.SecondRoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ScanDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Answers = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    UpdatedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanDrafts_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProtectedToken = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reminders = table.Column<int>(type: "integer", nullable: false),
                    LastMailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answered = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanInvitations_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScanInvitations_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanResponses_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScanResponses_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanRoundUnits",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanRoundUnits", x => new { x.RoundId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_ScanRoundUnits_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScanRoundUnits_ScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoachingLogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RouteId = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<double>(type: "double precision", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CoachId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingLogs_CoachingRoutes_RouteId",
                        column: x => x.RouteId,
                        principalTable: "CoachingRoutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanAnswers",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<byte>(type: "smallint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanAnswers", x => new { x.ResponseId, x.ItemId });
                    table.ForeignKey(
                        name: "FK_ScanAnswers_ScanItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ScanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScanAnswers_ScanResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "ScanResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanBlockScores",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Block = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanBlockScores", x => new { x.ResponseId, x.Block });
                    table.ForeignKey(
                        name: "FK_ScanBlockScores_ScanResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "ScanResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanChoices",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Option = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanChoices", x => new { x.ResponseId, x.ItemId, x.Option });
                    table.ForeignKey(
                        name: "FK_ScanChoices_ScanItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ScanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScanChoices_ScanResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "ScanResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanOpenAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanOpenAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanOpenAnswers_ScanItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ScanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScanOpenAnswers_ScanResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "ScanResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Sector_Region",
                table: "Organisations",
                columns: new[] { "Sector", "Region" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingLogs_RouteId_Date",
                table: "CoachingLogs",
                columns: new[] { "RouteId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRoutes_CoachId",
                table: "CoachingRoutes",
                column: "CoachId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRoutes_FirstRoundId",
                table: "CoachingRoutes",
                column: "FirstRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRoutes_OrganisationId",
                table: "CoachingRoutes",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRoutes_SecondRoundId",
                table: "CoachingRoutes",
                column: "SecondRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembers_OrganisationId_UserId_Role",
                table: "OrganisationMembers",
                columns: new[] { "OrganisationId", "UserId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembers_UserId",
                table: "OrganisationMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_OrganisationId_ParentId",
                table: "OrgUnits",
                columns: new[] { "OrganisationId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_ParentId",
                table: "OrgUnits",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanAnswers_ItemId",
                table: "ScanAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanBlockScores_RoundId_Block_Score",
                table: "ScanBlockScores",
                columns: new[] { "RoundId", "Block", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanChoices_ItemId",
                table: "ScanChoices",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanDrafts_KeyHash",
                table: "ScanDrafts",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanDrafts_RoundId",
                table: "ScanDrafts",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanInstruments_Number",
                table: "ScanInstruments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanInvitations_RoundId_Email",
                table: "ScanInvitations",
                columns: new[] { "RoundId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanInvitations_TokenHash",
                table: "ScanInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanInvitations_UnitId",
                table: "ScanInvitations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanItems_InstrumentId_Key",
                table: "ScanItems",
                columns: new[] { "InstrumentId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanOpenAnswers_ItemId",
                table: "ScanOpenAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanOpenAnswers_ResponseId_ItemId",
                table: "ScanOpenAnswers",
                columns: new[] { "ResponseId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanResponses_RoundId_UnitId",
                table: "ScanResponses",
                columns: new[] { "RoundId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanResponses_UnitId",
                table: "ScanResponses",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanRounds_InstrumentId",
                table: "ScanRounds",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanRounds_OpenToken",
                table: "ScanRounds",
                column: "OpenToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanRounds_OrganisationId_OpensOn",
                table: "ScanRounds",
                columns: new[] { "OrganisationId", "OpensOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanRoundUnits_UnitId",
                table: "ScanRoundUnits",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoachingLogs");

            migrationBuilder.DropTable(
                name: "OrganisationMembers");

            migrationBuilder.DropTable(
                name: "ScanAnswers");

            migrationBuilder.DropTable(
                name: "ScanBlockScores");

            migrationBuilder.DropTable(
                name: "ScanChoices");

            migrationBuilder.DropTable(
                name: "ScanDrafts");

            migrationBuilder.DropTable(
                name: "ScanInvitations");

            migrationBuilder.DropTable(
                name: "ScanOpenAnswers");

            migrationBuilder.DropTable(
                name: "ScanRoundUnits");

            migrationBuilder.DropTable(
                name: "CoachingRoutes");

            migrationBuilder.DropTable(
                name: "ScanItems");

            migrationBuilder.DropTable(
                name: "ScanResponses");

            migrationBuilder.DropTable(
                name: "OrgUnits");

            migrationBuilder.DropTable(
                name: "ScanRounds");

            migrationBuilder.DropTable(
                name: "ScanInstruments");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_Sector_Region",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Sector",
                table: "Organisations");
        }
    }
}
