using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scorecard.Platform.Persistence.Migrations;

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122010000_PlatformInbox")]
internal sealed class PlatformInbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "platform_notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                DedupKey = table.Column<string>(maxLength: 300, nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                Read = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_platform_notifications", x => x.Id));
        migrationBuilder.CreateIndex("IX_platform_notifications_PersonId_DedupKey", "platform_notifications",
            ["PersonId", "DedupKey"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("platform_notifications");
}
