using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Reviews.Persistence.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SectionsJson = table.Column<string>(type: "text", nullable: false),
                    EvidenceIdsJson = table.Column<string>(type: "text", nullable: false),
                    WarningsJson = table.Column<string>(type: "text", nullable: false),
                    PromptTokens = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UsedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DiscardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_ai_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_ai_settings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DraftingEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_ai_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_cycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NineBox = table.Column<bool>(type: "boolean", nullable: false),
                    OrgUnitIdsJson = table.Column<string>(type: "text", nullable: false),
                    PersonIdsJson = table.Column<string>(type: "text", nullable: false),
                    SelfDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    PeerDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    ManagerDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    CalibrationDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    SignoffDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    WithoutManagerJson = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LaunchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_cycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OkrObjectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    KpiId = table.Column<Guid>(type: "uuid", nullable: true),
                    StrategyObjectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_feedback_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequesterId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredFeedbackId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_feedback_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_peer_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_peer_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_peer_nominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NominatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_peer_nominations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ManagerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SelfAnswersJson = table.Column<string>(type: "text", nullable: false),
                    SelfUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SelfCompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RatingsJson = table.Column<string>(type: "text", nullable: false),
                    OverallRating = table.Column<int>(type: "integer", nullable: true),
                    Potential = table.Column<int>(type: "integer", nullable: true),
                    Narrative = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ManagerStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ManagerUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedOverallRating = table.Column<int>(type: "integer", nullable: true),
                    Calibrated = table.Column<bool>(type: "boolean", nullable: false),
                    AiAssisted = table.Column<bool>(type: "boolean", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleasedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgementComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Locked = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reviews_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
