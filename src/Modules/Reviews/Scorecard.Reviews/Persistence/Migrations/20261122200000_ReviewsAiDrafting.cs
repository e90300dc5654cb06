using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scorecard.Reviews.Persistence.Migrations;

// Written by hand and provider-neutral (issue 6): stored AI drafts and the organization's AI switch.
[DbContext(typeof(ReviewsDbContext))]
[Migration("20261122200000_ReviewsAiDrafting")]
internal sealed class ReviewsAiDrafting : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "reviews_ai_drafts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReviewId = table.Column<Guid>(nullable: false),
                RequestedBy = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                Provider = table.Column<string>(maxLength: 40, nullable: false),
                Model = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 20000, nullable: false),
                SectionsJson = table.Column<string>(nullable: false),
                EvidenceIdsJson = table.Column<string>(nullable: false),
                WarningsJson = table.Column<string>(nullable: false),
                PromptTokens = table.Column<int>(nullable: false),
                UsedAt = table.Column<DateTimeOffset>(nullable: true),
                UsedBy = table.Column<Guid>(nullable: true),
                DiscardedAt = table.Column<DateTimeOffset>(nullable: true),
                ConfirmedAt = table.Column<DateTimeOffset>(nullable: true),
                ConfirmedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_reviews_ai_drafts", x => x.Id));
        migrationBuilder.CreateIndex("IX_reviews_ai_drafts_ReviewId", "reviews_ai_drafts", "ReviewId");

        migrationBuilder.CreateTable(
            name: "reviews_ai_settings",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 40, nullable: false),
                DraftingEnabled = table.Column<bool>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: true),
                UpdatedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_reviews_ai_settings", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("reviews_ai_settings");
        migrationBuilder.DropTable("reviews_ai_drafts");
    }
}
