using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Klimrek.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScanResponseValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Values",
                table: "ScanResponses",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Responses stored before: their answers packed in the statements' position order ('0' "weet ik niet", '-' left open).
            migrationBuilder.Sql("""
                UPDATE "ScanResponses" SET "Values" = COALESCE((
                    SELECT group_concat(v, '') FROM (
                        SELECT CASE WHEN a."ResponseId" IS NULL THEN '-' WHEN a."Value" IS NULL THEN '0' ELSE CAST(a."Value" AS TEXT) END AS v
                        FROM "ScanRounds" o
                        JOIN "ScanItems" i ON i."InstrumentId" = o."InstrumentId" AND i."Kind" = 1
                        LEFT JOIN "ScanAnswers" a ON a."ResponseId" = "ScanResponses"."Id" AND a."ItemId" = i."Id"
                        WHERE o."Id" = "ScanResponses"."RoundId"
                        ORDER BY i."Position")), '');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Values",
                table: "ScanResponses");
        }
    }
}
