using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Strategy.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class StrategyBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "strategy_contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_contributions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_initiative_objectives",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_initiative_objectives", x => new { x.InitiativeId, x.ObjectiveId });
                });

            migrationBuilder.CreateTable(
                name: "strategy_initiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScorecardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PercentComplete = table.Column<double>(type: "REAL", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_initiatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_kpis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentKpiId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DataSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Baseline = table.Column<double>(type: "REAL", nullable: true),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    Min = table.Column<double>(type: "REAL", nullable: true),
                    Max = table.Column<double>(type: "REAL", nullable: true),
                    BandLow = table.Column<double>(type: "REAL", nullable: true),
                    BandHigh = table.Column<double>(type: "REAL", nullable: true),
                    GreenThreshold = table.Column<double>(type: "REAL", nullable: true),
                    AmberThreshold = table.Column<double>(type: "REAL", nullable: true),
                    UpdateInterval = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Leading = table.Column<bool>(type: "INTEGER", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Aggregation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TrackingSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_kpis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScorecardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hypothesis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EnteredById = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_measurements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_objectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScorecardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerspectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_objectives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_perspectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScorecardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_perspectives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_review_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_review_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScorecardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "strategy_scorecards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrgUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsCompany = table.Column<bool>(type: "INTEGER", nullable: false),
                    ParentScorecardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategy_scorecards", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_strategy_contributions_ChildObjectiveId_ParentObjectiveId",
                table: "strategy_contributions",
                columns: new[] { "ChildObjectiveId", "ParentObjectiveId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_strategy_contributions_ParentObjectiveId",
                table: "strategy_contributions",
                column: "ParentObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_initiative_objectives_ObjectiveId",
                table: "strategy_initiative_objectives",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_initiatives_ScorecardId",
                table: "strategy_initiatives",
                column: "ScorecardId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_kpis_ObjectiveId",
                table: "strategy_kpis",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_kpis_OwnerId",
                table: "strategy_kpis",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_kpis_ParentKpiId",
                table: "strategy_kpis",
                column: "ParentKpiId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_links_FromObjectiveId_ToObjectiveId",
                table: "strategy_links",
                columns: new[] { "FromObjectiveId", "ToObjectiveId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_strategy_links_ScorecardId",
                table: "strategy_links",
                column: "ScorecardId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_measurements_KpiId_Date",
                table: "strategy_measurements",
                columns: new[] { "KpiId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_strategy_objectives_OwnerId",
                table: "strategy_objectives",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_objectives_ScorecardId",
                table: "strategy_objectives",
                column: "ScorecardId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_perspectives_ScorecardId",
                table: "strategy_perspectives",
                column: "ScorecardId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_review_decisions_ReviewId",
                table: "strategy_review_decisions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_reviews_ScorecardId",
                table: "strategy_reviews",
                column: "ScorecardId");

            migrationBuilder.CreateIndex(
                name: "IX_strategy_scorecards_OrgUnitId",
                table: "strategy_scorecards",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strategy_contributions");

            migrationBuilder.DropTable(
                name: "strategy_initiative_objectives");

            migrationBuilder.DropTable(
                name: "strategy_initiatives");

            migrationBuilder.DropTable(
                name: "strategy_kpis");

            migrationBuilder.DropTable(
                name: "strategy_links");

            migrationBuilder.DropTable(
                name: "strategy_measurements");

            migrationBuilder.DropTable(
                name: "strategy_objectives");

            migrationBuilder.DropTable(
                name: "strategy_perspectives");

            migrationBuilder.DropTable(
                name: "strategy_review_decisions");

            migrationBuilder.DropTable(
                name: "strategy_reviews");

            migrationBuilder.DropTable(
                name: "strategy_scorecards");
        }
    }
}
