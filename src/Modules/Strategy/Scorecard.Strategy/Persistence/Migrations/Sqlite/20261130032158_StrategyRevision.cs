using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Strategy.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class StrategyRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "strategy_revision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_revision", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "strategy_revision",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strategy_revision");
        }
    }
}
