using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scorecard.Organization.Persistence.Migrations;

// Written by hand and provider-neutral: column types come from each provider's type mapping.
// The schema test in Scorecard.Architecture.Tests checks it against the model.
[DbContext(typeof(OrganizationDbContext))]
[Migration("20261122000000_OrganizationInitial")]
internal sealed class OrganizationInitial : Migration
{
    private const string SqliteAutoincrement = "Sqlite:Autoincrement";
    private const string NpgsqlIdentity = "Npgsql:ValueGenerationStrategy";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "org_units",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_org_units", x => x.Id));
        migrationBuilder.CreateIndex("IX_org_units_ParentId", "org_units", "ParentId");

        migrationBuilder.CreateTable(
            name: "org_people",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                JobTitle = table.Column<string>(maxLength: 200, nullable: true),
                OrgUnitId = table.Column<Guid>(nullable: false),
                ManagerId = table.Column<Guid>(nullable: true),
                HireDate = table.Column<DateOnly>(nullable: false),
                Active = table.Column<bool>(nullable: false),
                Gender = table.Column<string>(maxLength: 50, nullable: true),
                BirthYear = table.Column<int>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_org_people", x => x.Id));
        migrationBuilder.CreateIndex("IX_org_people_Email", "org_people", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_org_people_ManagerId", "org_people", "ManagerId");
        migrationBuilder.CreateIndex("IX_org_people_OrgUnitId", "org_people", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "org_roles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_org_roles", x => x.Id));
        migrationBuilder.CreateIndex("RoleNameIndex", "org_roles", "NormalizedName", unique: true);

        migrationBuilder.CreateTable(
            name: "org_accounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_org_accounts", x => x.Id));
        migrationBuilder.CreateIndex("EmailIndex", "org_accounts", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "org_accounts", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_org_accounts_PersonId", "org_accounts", "PersonId", unique: true);

        migrationBuilder.CreateTable(
            name: "org_role_claims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation(SqliteAutoincrement, true)
                    .Annotation(NpgsqlIdentity, "IdentityByDefaultColumn"),
                RoleId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_org_role_claims", x => x.Id);
                table.ForeignKey("FK_org_role_claims_org_roles_RoleId", x => x.RoleId, "org_roles", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_org_role_claims_RoleId", "org_role_claims", "RoleId");

        migrationBuilder.CreateTable(
            name: "org_account_claims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation(SqliteAutoincrement, true)
                    .Annotation(NpgsqlIdentity, "IdentityByDefaultColumn"),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_org_account_claims", x => x.Id);
                table.ForeignKey("FK_org_account_claims_org_accounts_UserId", x => x.UserId, "org_accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_org_account_claims_UserId", "org_account_claims", "UserId");

        migrationBuilder.CreateTable(
            name: "org_account_logins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_org_account_logins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_org_account_logins_org_accounts_UserId", x => x.UserId, "org_accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_org_account_logins_UserId", "org_account_logins", "UserId");

        migrationBuilder.CreateTable(
            name: "org_account_roles",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_org_account_roles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_org_account_roles_org_roles_RoleId", x => x.RoleId, "org_roles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_org_account_roles_org_accounts_UserId", x => x.UserId, "org_accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_org_account_roles_RoleId", "org_account_roles", "RoleId");

        migrationBuilder.CreateTable(
            name: "org_account_tokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_org_account_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_org_account_tokens_org_accounts_UserId", x => x.UserId, "org_accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "org_account_tokens", "org_account_roles", "org_account_logins", "org_account_claims",
                     "org_role_claims", "org_accounts", "org_roles", "org_people", "org_units",
                 })
            migrationBuilder.DropTable(table);
    }
}
