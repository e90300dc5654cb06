using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Strategy.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class StrategyMeasurementCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "strategy_measurements",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "strategy_links",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "strategy_initiatives",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "strategy_measurement_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasurementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OldValue = table.Column<double>(type: "REAL", nullable: false),
                    NewValue = table.Column<double>(type: "REAL", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CorrectedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_measurement_corrections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_strategy_measurement_corrections_KpiId_CorrectedAt",
                table: "strategy_measurement_corrections",
                columns: new[] { "KpiId", "CorrectedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strategy_measurement_corrections");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "strategy_measurements");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "strategy_links");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "strategy_initiatives");
        }
    }
}
