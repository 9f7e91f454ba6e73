using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Klimrek.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ShareWithSteeringGroup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReflectionVisibility",
                table: "Programmes");

            migrationBuilder.AddColumn<bool>(
                name: "SharedWithSteeringGroup",
                table: "Reflections",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SharedWithSteeringGroup",
                table: "Evaluations",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SharedWithSteeringGroup",
                table: "Reflections");

            migrationBuilder.DropColumn(
                name: "SharedWithSteeringGroup",
                table: "Evaluations");

            migrationBuilder.AddColumn<int>(
                name: "ReflectionVisibility",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
