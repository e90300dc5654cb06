using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scorecard.Reviews.Persistence.Migrations;

// Written by hand and provider-neutral: column types come from each provider's type mapping.
// The schema test in Scorecard.Architecture.Tests checks it against the model.
[DbContext(typeof(ReviewsDbContext))]
[Migration("20261122100000_ReviewsInitial")]
internal sealed class ReviewsInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "reviews_templates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                DefinitionJson = table.Column<string>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_reviews_templates", x => x.Id));

        migrationBuilder.CreateTable(
            name: "reviews_cycles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                PeriodEnd = table.Column<DateOnly>(nullable: false),
                TemplateId = table.Column<Guid>(nullable: false),
                Phase = table.Column<string>(maxLength: 20, nullable: false),
                NineBox = table.Column<bool>(nullable: false),
                OrgUnitIdsJson = table.Column<string>(nullable: false),
                PersonIdsJson = table.Column<string>(nullable: false),
                SelfDeadline = table.Column<DateOnly>(nullable: true),
                PeerDeadline = table.Column<DateOnly>(nullable: true),
                ManagerDeadline = table.Column<DateOnly>(nullable: true),
                CalibrationDeadline = table.Column<DateOnly>(nullable: true),
                SignoffDeadline = table.Column<DateOnly>(nullable: true),
                WithoutManagerJson = table.Column<string>(nullable: false),
                CreatedBy = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                LaunchedAt = table.Column<DateTimeOffset>(nullable: true),
                ClosedAt = table.Column<DateTimeOffset>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_reviews_cycles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "reviews_reviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CycleId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ManagerId = table.Column<Guid>(nullable: true),
                SelfAnswersJson = table.Column<string>(nullable: false),
                SelfUpdatedAt = table.Column<DateTimeOffset>(nullable: true),
                SelfCompletedAt = table.Column<DateTimeOffset>(nullable: true),
                RatingsJson = table.Column<string>(nullable: false),
                OverallRating = table.Column<int>(nullable: true),
                Potential = table.Column<int>(nullable: true),
                Narrative = table.Column<string>(maxLength: 10000, nullable: true),
                ManagerStatus = table.Column<string>(maxLength: 20, nullable: false),
                ManagerUpdatedAt = table.Column<DateTimeOffset>(nullable: true),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: true),
                SubmittedOverallRating = table.Column<int>(nullable: true),
                Calibrated = table.Column<bool>(nullable: false),
                AiAssisted = table.Column<bool>(nullable: false),
                ReleasedAt = table.Column<DateTimeOffset>(nullable: true),
                ReleasedBy = table.Column<Guid>(nullable: true),
                AcknowledgedAt = table.Column<DateTimeOffset>(nullable: true),
                AcknowledgementComment = table.Column<string>(maxLength: 2000, nullable: true),
                Locked = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_reviews_reviews", x => x.Id));
        migrationBuilder.CreateIndex("IX_reviews_reviews_CycleId_PersonId", "reviews_reviews", ["CycleId", "PersonId"], unique: true);
        migrationBuilder.CreateIndex("IX_reviews_reviews_ManagerId", "reviews_reviews", "ManagerId");
        migrationBuilder.CreateIndex("IX_reviews_reviews_PersonId", "reviews_reviews", "PersonId");

        migrationBuilder.CreateTable(
            name: "reviews_peer_nominations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReviewId = table.Column<Guid>(nullable: false),
                PeerId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                NominatedAt = table.Column<DateTimeOffset>(nullable: false),
                DecidedAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_reviews_peer_nominations", x => x.Id));
        migrationBuilder.CreateIndex("IX_reviews_peer_nominations_PeerId", "reviews_peer_nominations", "PeerId");
        migrationBuilder.CreateIndex("IX_reviews_peer_nominations_ReviewId_PeerId", "reviews_peer_nominations", ["ReviewId", "PeerId"], unique: true);

        migrationBuilder.CreateTable(
            name: "reviews_peer_feedback",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReviewId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_reviews_peer_feedback", x => x.Id));
        migrationBuilder.CreateIndex("IX_reviews_peer_feedback_ReviewId_AuthorId", "reviews_peer_feedback", ["ReviewId", "AuthorId"], unique: true);

        migrationBuilder.CreateTable(
            name: "reviews_feedback",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FromPersonId = table.Column<Guid>(nullable: false),
                ToPersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Visibility = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                OkrObjectiveId = table.Column<Guid>(nullable: true),
                KpiId = table.Column<Guid>(nullable: true),
                StrategyObjectiveId = table.Column<Guid>(nullable: true),
                RequestId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_reviews_feedback", x => x.Id));
        migrationBuilder.CreateIndex("IX_reviews_feedback_FromPersonId", "reviews_feedback", "FromPersonId");
        migrationBuilder.CreateIndex("IX_reviews_feedback_ToPersonId", "reviews_feedback", "ToPersonId");

        migrationBuilder.CreateTable(
            name: "reviews_feedback_requests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequesterId = table.Column<Guid>(nullable: false),
                AskedPersonId = table.Column<Guid>(nullable: false),
                Question = table.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                AnsweredFeedbackId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_reviews_feedback_requests", x => x.Id));
        migrationBuilder.CreateIndex("IX_reviews_feedback_requests_AskedPersonId", "reviews_feedback_requests", "AskedPersonId");
        migrationBuilder.CreateIndex("IX_reviews_feedback_requests_RequesterId", "reviews_feedback_requests", "RequesterId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "reviews_feedback_requests", "reviews_feedback", "reviews_peer_feedback", "reviews_peer_nominations",
                     "reviews_reviews", "reviews_cycles", "reviews_templates",
                 })
            migrationBuilder.DropTable(table);
    }
}
