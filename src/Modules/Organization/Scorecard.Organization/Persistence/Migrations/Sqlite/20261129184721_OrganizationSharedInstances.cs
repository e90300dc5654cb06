using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Organization.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class OrganizationSharedInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "org_people",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "org_people",
                type: "TEXT",
                maxLength: 1440,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_org_people_NameKey",
                table: "org_people",
                column: "NameKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_org_people_NameKey",
                table: "org_people");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "org_people");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "org_people");
        }
    }
}
