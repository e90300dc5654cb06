using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scorecard.Platform.Persistence.Migrations;

// Written by hand and provider-neutral: column types come from each provider's type mapping.
[DbContext(typeof(PlatformDbContext))]
[Migration("20261122000000_PlatformInitial")]
internal sealed class PlatformInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "platform_audit_log",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", "IdentityByDefaultColumn"),
                At = table.Column<DateTimeOffset>(nullable: false),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                SubjectType = table.Column<string>(maxLength: 100, nullable: false),
                SubjectId = table.Column<string>(maxLength: 100, nullable: false),
                ActorPersonId = table.Column<Guid>(nullable: true),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
                Reason = table.Column<string>(nullable: true),
                DataJson = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_platform_audit_log", x => x.Id));

        migrationBuilder.CreateIndex(
            name: "IX_platform_audit_log_SubjectType_SubjectId",
            table: "platform_audit_log",
            columns: ["SubjectType", "SubjectId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "platform_audit_log");
}
