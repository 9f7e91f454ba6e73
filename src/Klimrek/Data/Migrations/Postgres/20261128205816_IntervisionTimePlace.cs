using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Klimrek.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntervisionTimePlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DurationMinutes",
                table: "IntervisionSessions",
                type: "integer",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "IntervisionSessions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "IntervisionSessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartTime",
                table: "IntervisionSessions",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Uid",
                table: "IntervisionSessions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "IntervisionSessions",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DurationMinutes",
                table: "IntervisionSessions");

            migrationBuilder.DropColumn(
                name: "Location",
                table: "IntervisionSessions");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "IntervisionSessions");

            migrationBuilder.DropColumn(
                name: "StartTime",
                table: "IntervisionSessions");

            migrationBuilder.DropColumn(
                name: "Uid",
                table: "IntervisionSessions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "IntervisionSessions");
        }
    }
}
