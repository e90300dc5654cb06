using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Organization.Persistence.Migrations.PostgreSql
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
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "org_people",
                type: "character varying(1440)",
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
