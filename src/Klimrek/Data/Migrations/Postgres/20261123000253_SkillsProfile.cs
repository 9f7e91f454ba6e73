using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Klimrek.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SkillsProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabourMarketImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourMarketImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SkillProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Drivers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InterestSectors = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MarketWeight = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkillProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabourMarketIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IscoCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    ImportId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourMarketIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabourMarketIndicators_LabourMarketImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "LabourMarketImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfileOccupations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileId = table.Column<int>(type: "integer", nullable: false),
                    OccupationId = table.Column<int>(type: "integer", nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: true),
                    ToYear = table.Column<int>(type: "integer", nullable: true),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileOccupations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileOccupations_Occupations_OccupationId",
                        column: x => x.OccupationId,
                        principalTable: "Occupations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProfileOccupations_SkillProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "SkillProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfileShares",
                columns: table => new
                {
                    ProfileId = table.Column<int>(type: "integer", nullable: false),
                    BegeleiderId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileShares", x => new { x.ProfileId, x.BegeleiderId });
                    table.ForeignKey(
                        name: "FK_ProfileShares_AspNetUsers_BegeleiderId",
                        column: x => x.BegeleiderId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProfileShares_SkillProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "SkillProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfileSkills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProfileId = table.Column<int>(type: "integer", nullable: false),
                    SkillId = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<int>(type: "integer", nullable: false),
                    Validation = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SourceOccupationId = table.Column<int>(type: "integer", nullable: true),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileSkills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileSkills_Occupations_SourceOccupationId",
                        column: x => x.SourceOccupationId,
                        principalTable: "Occupations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProfileSkills_SkillProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "SkillProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProfileSkills_Skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "Skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabourMarketIndicators_ImportId",
                table: "LabourMarketIndicators",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_LabourMarketIndicators_IscoCode_Region",
                table: "LabourMarketIndicators",
                columns: new[] { "IscoCode", "Region" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileOccupations_OccupationId",
                table: "ProfileOccupations",
                column: "OccupationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileOccupations_ProfileId_OccupationId",
                table: "ProfileOccupations",
                columns: new[] { "ProfileId", "OccupationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileShares_BegeleiderId",
                table: "ProfileShares",
                column: "BegeleiderId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileSkills_ProfileId_SkillId",
                table: "ProfileSkills",
                columns: new[] { "ProfileId", "SkillId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileSkills_SkillId",
                table: "ProfileSkills",
                column: "SkillId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileSkills_SourceOccupationId",
                table: "ProfileSkills",
                column: "SourceOccupationId");

            migrationBuilder.CreateIndex(
                name: "IX_SkillProfiles_UserId",
                table: "SkillProfiles",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabourMarketIndicators");

            migrationBuilder.DropTable(
                name: "ProfileOccupations");

            migrationBuilder.DropTable(
                name: "ProfileShares");

            migrationBuilder.DropTable(
                name: "ProfileSkills");

            migrationBuilder.DropTable(
                name: "LabourMarketImports");

            migrationBuilder.DropTable(
                name: "SkillProfiles");
        }
    }
}
