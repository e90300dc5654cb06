using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Organization.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal sealed partial class OrganizationOrgUnitNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_org_units_ParentId_Name",
                table: "org_units");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "org_units",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<Guid>(
                name: "ParentKey",
                table: "org_units",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "org_units",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Units stored before the keys existed: a unique placeholder key until SearchKeysBackfill folds the
            // name at start (SQL cannot fold as SearchFolding does).
            migrationBuilder.Sql("""
                UPDATE org_units SET "ParentKey" = COALESCE("ParentId", '00000000-0000-0000-0000-000000000000'::uuid), "NameKey" = '~' || "Id"::text;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_org_units_ParentId",
                table: "org_units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_org_units_ParentKey_NameKey",
                table: "org_units",
                columns: new[] { "ParentKey", "NameKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_org_units_ParentId",
                table: "org_units");

            migrationBuilder.DropIndex(
                name: "IX_org_units_ParentKey_NameKey",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "ParentKey",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "org_units");

            migrationBuilder.CreateIndex(
                name: "IX_org_units_ParentId_Name",
                table: "org_units",
                columns: new[] { "ParentId", "Name" },
                unique: true);
        }
    }
}
