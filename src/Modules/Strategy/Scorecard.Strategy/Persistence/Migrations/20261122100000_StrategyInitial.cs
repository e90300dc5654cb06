using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scorecard.Strategy.Persistence.Migrations;

// Written by hand and provider-neutral: column types come from each provider's type mapping.
// The schema test in Scorecard.Architecture.Tests checks it against the model.
[DbContext(typeof(StrategyDbContext))]
[Migration("20261122100000_StrategyInitial")]
internal sealed class StrategyInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "strategy_scorecards",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                OrgUnitId = table.Column<Guid>(nullable: false),
                IsCompany = table.Column<bool>(nullable: false),
                ParentScorecardId = table.Column<Guid>(nullable: true),
                OwnerId = table.Column<Guid>(nullable: true),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                PeriodEnd = table.Column<DateOnly>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_scorecards", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_scorecards_OrgUnitId", "strategy_scorecards", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "strategy_perspectives",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ScorecardId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Position = table.Column<int>(nullable: false),
                Weight = table.Column<double>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_perspectives", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_perspectives_ScorecardId", "strategy_perspectives", "ScorecardId");

        migrationBuilder.CreateTable(
            name: "strategy_objectives",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ScorecardId = table.Column<Guid>(nullable: false),
                PerspectiveId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                OwnerId = table.Column<Guid>(nullable: true),
                Weight = table.Column<double>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_objectives", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_objectives_ScorecardId", "strategy_objectives", "ScorecardId");
        migrationBuilder.CreateIndex("IX_strategy_objectives_OwnerId", "strategy_objectives", "OwnerId");

        migrationBuilder.CreateTable(
            name: "strategy_kpis",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ObjectiveId = table.Column<Guid>(nullable: false),
                ParentKpiId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Unit = table.Column<string>(maxLength: 50, nullable: true),
                OwnerId = table.Column<Guid>(nullable: true),
                DataSource = table.Column<string>(maxLength: 200, nullable: true),
                Direction = table.Column<string>(maxLength: 20, nullable: false),
                Baseline = table.Column<double>(nullable: true),
                Target = table.Column<double>(nullable: true),
                Min = table.Column<double>(nullable: true),
                Max = table.Column<double>(nullable: true),
                BandLow = table.Column<double>(nullable: true),
                BandHigh = table.Column<double>(nullable: true),
                GreenThreshold = table.Column<double>(nullable: true),
                AmberThreshold = table.Column<double>(nullable: true),
                UpdateInterval = table.Column<string>(maxLength: 20, nullable: false),
                Leading = table.Column<bool>(nullable: false),
                Weight = table.Column<double>(nullable: false),
                Aggregation = table.Column<string>(maxLength: 20, nullable: true),
                TrackingSince = table.Column<DateOnly>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_kpis", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_kpis_ObjectiveId", "strategy_kpis", "ObjectiveId");
        migrationBuilder.CreateIndex("IX_strategy_kpis_OwnerId", "strategy_kpis", "OwnerId");
        migrationBuilder.CreateIndex("IX_strategy_kpis_ParentKpiId", "strategy_kpis", "ParentKpiId");

        migrationBuilder.CreateTable(
            name: "strategy_measurements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                KpiId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Value = table.Column<double>(nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
                EnteredById = table.Column<Guid>(nullable: true),
                EnteredAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_measurements", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_measurements_KpiId_Date", "strategy_measurements", new[] { "KpiId", "Date" });

        migrationBuilder.CreateTable(
            name: "strategy_initiatives",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ScorecardId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                OwnerId = table.Column<Guid>(nullable: true),
                Start = table.Column<DateOnly>(nullable: true),
                End = table.Column<DateOnly>(nullable: true),
                Budget = table.Column<decimal>(nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                PercentComplete = table.Column<double>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_initiatives", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_initiatives_ScorecardId", "strategy_initiatives", "ScorecardId");

        migrationBuilder.CreateTable(
            name: "strategy_initiative_objectives",
            columns: table => new
            {
                InitiativeId = table.Column<Guid>(nullable: false),
                ObjectiveId = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_initiative_objectives", x => new { x.InitiativeId, x.ObjectiveId }));
        migrationBuilder.CreateIndex("IX_strategy_initiative_objectives_ObjectiveId", "strategy_initiative_objectives", "ObjectiveId");

        migrationBuilder.CreateTable(
            name: "strategy_links",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ScorecardId = table.Column<Guid>(nullable: false),
                FromObjectiveId = table.Column<Guid>(nullable: false),
                ToObjectiveId = table.Column<Guid>(nullable: false),
                Hypothesis = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_links", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_links_ScorecardId", "strategy_links", "ScorecardId");
        migrationBuilder.CreateIndex("IX_strategy_links_FromObjectiveId_ToObjectiveId", "strategy_links", new[] { "FromObjectiveId", "ToObjectiveId" }, unique: true);

        migrationBuilder.CreateTable(
            name: "strategy_contributions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChildObjectiveId = table.Column<Guid>(nullable: false),
                ParentObjectiveId = table.Column<Guid>(nullable: false),
                Weight = table.Column<double>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_contributions", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_contributions_ChildObjectiveId_ParentObjectiveId", "strategy_contributions", new[] { "ChildObjectiveId", "ParentObjectiveId" }, unique: true);
        migrationBuilder.CreateIndex("IX_strategy_contributions_ParentObjectiveId", "strategy_contributions", "ParentObjectiveId");

        migrationBuilder.CreateTable(
            name: "strategy_reviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ScorecardId = table.Column<Guid>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                Attendees = table.Column<string>(maxLength: 4000, nullable: false),
                RecordedById = table.Column<Guid>(nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_reviews", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_reviews_ScorecardId", "strategy_reviews", "ScorecardId");

        migrationBuilder.CreateTable(
            name: "strategy_review_decisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReviewId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                OwnerId = table.Column<Guid>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: true),
                ObjectiveId = table.Column<Guid>(nullable: true),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_strategy_review_decisions", x => x.Id));
        migrationBuilder.CreateIndex("IX_strategy_review_decisions_ReviewId", "strategy_review_decisions", "ReviewId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "strategy_review_decisions", "strategy_reviews", "strategy_contributions", "strategy_links",
                     "strategy_initiative_objectives", "strategy_initiatives", "strategy_measurements", "strategy_kpis",
                     "strategy_objectives", "strategy_perspectives", "strategy_scorecards",
                 })
            migrationBuilder.DropTable(table);
    }
}
