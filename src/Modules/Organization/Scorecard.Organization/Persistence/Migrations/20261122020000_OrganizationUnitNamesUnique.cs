using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scorecard.Organization.Persistence.Migrations;

[DbContext(typeof(OrganizationDbContext))]
[Migration("20261122020000_OrganizationUnitNamesUnique")]
internal sealed class OrganizationUnitNamesUnique : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_org_units_ParentId", "org_units");
        migrationBuilder.CreateIndex("IX_org_units_ParentId_Name", "org_units", ["ParentId", "Name"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_org_units_ParentId_Name", "org_units");
        migrationBuilder.CreateIndex("IX_org_units_ParentId", "org_units", "ParentId");
    }
}
