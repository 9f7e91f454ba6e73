using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Klimrek.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "IntervisionSessions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "IntervisionSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartTime",
                table: "IntervisionSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Uid",
                table: "IntervisionSessions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "IntervisionSessions",
                type: "TEXT",
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
