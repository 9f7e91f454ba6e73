using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Klimrek.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgrammeInformationPack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InformationPack",
                table: "Programmes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InformationPack",
                table: "Programmes");
        }
    }
}
