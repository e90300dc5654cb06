using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Okr.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal sealed partial class OkrStoredProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "okr_objectives",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<double>(
                name: "Progress",
                table: "okr_objectives",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<bool>(
                name: "ProgressHasData",
                table: "okr_objectives",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ProgressKnown",
                table: "okr_objectives",
                type: "boolean",
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

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "okr_objectives",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "C");
        }
    }
}
