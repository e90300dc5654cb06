using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Okr.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class OkrCarryForward : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CarriedFromId",
                table: "okr_objectives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "okr_key_results",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_okr_objectives_CarriedFromId_Period",
                table: "okr_objectives",
                columns: new[] { "CarriedFromId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_okr_objectives_CarriedFromId_Period",
                table: "okr_objectives");

            migrationBuilder.DropColumn(
                name: "CarriedFromId",
                table: "okr_objectives");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "okr_key_results");
        }
    }
}
