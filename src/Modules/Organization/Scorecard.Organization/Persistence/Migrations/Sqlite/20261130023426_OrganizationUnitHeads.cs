using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Organization.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class OrganizationUnitHeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_unit_heads",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_unit_heads", x => new { x.UnitId, x.PersonId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_unit_heads_PersonId",
                table: "org_unit_heads",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_unit_heads");
        }
    }
}
