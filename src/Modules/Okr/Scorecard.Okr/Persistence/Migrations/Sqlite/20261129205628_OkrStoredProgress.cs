using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Okr.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class OkrStoredProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Progress",
                table: "okr_objectives",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<bool>(
                name: "ProgressHasData",
                table: "okr_objectives",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ProgressKnown",
                table: "okr_objectives",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Progress",
                table: "okr_objectives");

            migrationBuilder.DropColumn(
                name: "ProgressHasData",
                table: "okr_objectives");

            migrationBuilder.DropColumn(
                name: "ProgressKnown",
                table: "okr_objectives");
        }
    }
}
