using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Reviews.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class ReviewsBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reviews_ai_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SectionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    EvidenceIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    WarningsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PromptTokens = table.Column<int>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UsedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DiscardedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_ai_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_ai_settings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DraftingEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_ai_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_cycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NineBox = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrgUnitIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PersonIdsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SelfDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeerDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ManagerDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CalibrationDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignoffDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithoutManagerJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LaunchedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_cycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OkrObjectiveId = table.Column<Guid>(type: "TEXT", nullable: true),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StrategyObjectiveId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_feedback_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequesterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AnsweredFeedbackId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_feedback_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_peer_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_peer_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_peer_nominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NominatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_peer_nominations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManagerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SelfAnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    SelfUpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SelfCompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RatingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    OverallRating = table.Column<int>(type: "INTEGER", nullable: true),
                    Potential = table.Column<int>(type: "INTEGER", nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ManagerStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ManagerUpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SubmittedOverallRating = table.Column<int>(type: "INTEGER", nullable: true),
                    Calibrated = table.Column<bool>(type: "INTEGER", nullable: false),
                    AiAssisted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReleasedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AcknowledgementComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Locked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_templates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reviews_ai_drafts_ReviewId",
                table: "reviews_ai_drafts",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_reviews_feedback_FromPersonId",
                table: "reviews_feedback",
                column: "FromPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_reviews_feedback_ToPersonId",
                table: "reviews_feedback",
                column: "ToPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_reviews_feedback_requests_AskedPersonId",
                table: "reviews_feedback_requests",
                column: "AskedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_reviews_feedback_requests_RequesterId",
                table: "reviews_feedback_requests",
                column: "RequesterId");

            migrationBuilder.CreateIndex(
                name: "IX_reviews_peer_feedback_ReviewId_AuthorId",
                table: "reviews_peer_feedback",
                columns: new[] { "ReviewId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviews_peer_nominations_PeerId",
                table: "reviews_peer_nominations",
                column: "PeerId");

            migrationBuilder.CreateIndex(
                name: "IX_reviews_peer_nominations_ReviewId_PeerId",
                table: "reviews_peer_nominations",
                columns: new[] { "ReviewId", "PeerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviews_reviews_CycleId_PersonId",
                table: "reviews_reviews",
                columns: new[] { "CycleId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviews_reviews_ManagerId",
                table: "reviews_reviews",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_reviews_reviews_PersonId",
                table: "reviews_reviews",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reviews_ai_drafts");

            migrationBuilder.DropTable(
                name: "reviews_ai_settings");

            migrationBuilder.DropTable(
                name: "reviews_cycles");

            migrationBuilder.DropTable(
                name: "reviews_feedback");

            migrationBuilder.DropTable(
                name: "reviews_feedback_requests");

            migrationBuilder.DropTable(
                name: "reviews_peer_feedback");

            migrationBuilder.DropTable(
                name: "reviews_peer_nominations");

            migrationBuilder.DropTable(
                name: "reviews_reviews");

            migrationBuilder.DropTable(
                name: "reviews_templates");
        }
    }
}
