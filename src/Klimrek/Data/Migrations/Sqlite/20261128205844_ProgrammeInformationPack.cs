using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Klimrek.Data.Migrations.Sqlite
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
                type: "TEXT",
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
