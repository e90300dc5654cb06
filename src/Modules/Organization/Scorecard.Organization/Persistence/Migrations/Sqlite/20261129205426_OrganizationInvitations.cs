using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Organization.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class OrganizationInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedByPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UsedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_org_invitations_org_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "org_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_invitations_PersonId",
                table: "org_invitations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_org_invitations_TokenHash",
                table: "org_invitations",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_invitations");
        }
    }
}
