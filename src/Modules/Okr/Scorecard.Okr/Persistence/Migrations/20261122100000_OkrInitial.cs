using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scorecard.Okr.Persistence.Migrations;

// Written by hand and provider-neutral: column types come from each provider's type mapping.
// The schema test in Scorecard.Architecture.Tests checks it against the model.
[DbContext(typeof(OkrDbContext))]
[Migration("20261122100000_OkrInitial")]
internal sealed class OkrInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "okr_objectives",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                Level = table.Column<string>(maxLength: 20, nullable: false),
                Period = table.Column<string>(maxLength: 40, nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                PeriodEnd = table.Column<DateOnly>(nullable: false),
                OwnerPersonId = table.Column<Guid>(nullable: true),
                OrgUnitId = table.Column<Guid>(nullable: true),
                Type = table.Column<string>(maxLength: 20, nullable: false),
                RollUpShare = table.Column<double>(nullable: false),
                Archived = table.Column<bool>(nullable: false),
                CreatedByPersonId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_okr_objectives", x => x.Id));
        migrationBuilder.CreateIndex("IX_okr_objectives_Period", "okr_objectives", "Period");
        migrationBuilder.CreateIndex("IX_okr_objectives_OwnerPersonId", "okr_objectives", "OwnerPersonId");
        migrationBuilder.CreateIndex("IX_okr_objectives_OrgUnitId", "okr_objectives", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "okr_parent_links",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ObjectiveId = table.Column<Guid>(nullable: false),
                ParentObjectiveId = table.Column<Guid>(nullable: true),
                StrategyObjectiveId = table.Column<Guid>(nullable: true),
                Weight = table.Column<double>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_okr_parent_links", x => x.Id);
                table.ForeignKey("FK_okr_parent_links_okr_objectives_ObjectiveId", x => x.ObjectiveId, "okr_objectives", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_okr_parent_links_ObjectiveId", "okr_parent_links", "ObjectiveId");
        migrationBuilder.CreateIndex("IX_okr_parent_links_ParentObjectiveId", "okr_parent_links", "ParentObjectiveId");

        migrationBuilder.CreateTable(
            name: "okr_key_results",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ObjectiveId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Start = table.Column<double>(nullable: true),
                Target = table.Column<double>(nullable: true),
                Unit = table.Column<string>(maxLength: 40, nullable: true),
                Weight = table.Column<double>(nullable: true),
                KpiId = table.Column<Guid>(nullable: true),
                BandLow = table.Column<double>(nullable: true),
                BandHigh = table.Column<double>(nullable: true),
                DueDate = table.Column<DateOnly>(nullable: true),
                Current = table.Column<double>(nullable: true),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_okr_key_results", x => x.Id);
                table.ForeignKey("FK_okr_key_results_okr_objectives_ObjectiveId", x => x.ObjectiveId, "okr_objectives", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_okr_key_results_ObjectiveId", "okr_key_results", "ObjectiveId");
        migrationBuilder.CreateIndex("IX_okr_key_results_KpiId", "okr_key_results", "KpiId");

        migrationBuilder.CreateTable(
            name: "okr_check_ins",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                KeyResultId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Value = table.Column<double>(nullable: false),
                Confidence = table.Column<int>(nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                ByPersonId = table.Column<Guid>(nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(nullable: false),
                Source = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_okr_check_ins", x => x.Id);
                table.ForeignKey("FK_okr_check_ins_okr_key_results_KeyResultId", x => x.KeyResultId, "okr_key_results", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_okr_check_ins_KeyResultId", "okr_check_ins", "KeyResultId");

        migrationBuilder.CreateTable(
            name: "okr_ai_suggestions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ObjectiveId = table.Column<Guid>(nullable: false),
                KeyResultId = table.Column<Guid>(nullable: true),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                Explanation = table.Column<string>(maxLength: 4000, nullable: false),
                ProposalJson = table.Column<string>(maxLength: 4000, nullable: true),
                ProposalText = table.Column<string>(maxLength: 4000, nullable: true),
                Label = table.Column<string>(maxLength: 200, nullable: false),
                Provider = table.Column<string>(maxLength: 100, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                RequestedByPersonId = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                DecidedByPersonId = table.Column<Guid>(nullable: true),
                DecidedAt = table.Column<DateTimeOffset>(nullable: true),
                DecisionReason = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_okr_ai_suggestions", x => x.Id));
        migrationBuilder.CreateIndex("IX_okr_ai_suggestions_ObjectiveId", "okr_ai_suggestions", "ObjectiveId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "okr_ai_suggestions", "okr_check_ins", "okr_key_results", "okr_parent_links", "okr_objectives" })
            migrationBuilder.DropTable(table);
    }
}
