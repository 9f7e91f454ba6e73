using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Klimrek.Data.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Responses stored before: their answers packed in the statements' position order ('0' "weet ik niet", '-' left open).
            migrationBuilder.Sql("""
                UPDATE "ScanResponses" r SET "Values" = COALESCE((
                    SELECT string_agg(CASE WHEN a."ResponseId" IS NULL THEN '-' WHEN a."Value" IS NULL THEN '0' ELSE a."Value"::text END, '' ORDER BY i."Position")
                    FROM "ScanRounds" o
                    JOIN "ScanItems" i ON i."InstrumentId" = o."InstrumentId" AND i."Kind" = 1
                    LEFT JOIN "ScanAnswers" a ON a."ResponseId" = r."Id" AND a."ItemId" = i."Id"
                    WHERE o."Id" = r."RoundId"), '');
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
