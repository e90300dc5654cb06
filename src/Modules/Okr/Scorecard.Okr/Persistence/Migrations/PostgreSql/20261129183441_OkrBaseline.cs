using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Okr.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal sealed partial class OkrBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "okr_ai_suggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyResultId = table.Column<Guid>(type: "uuid", nullable: true),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProposalJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ProposalText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedByPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_ai_suggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "okr_objectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrgUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RollUpShare = table.Column<double>(type: "double precision", nullable: false),
                    Archived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_objectives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "okr_key_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Start = table.Column<double>(type: "double precision", nullable: true),
                    Target = table.Column<double>(type: "double precision", nullable: true),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Weight = table.Column<double>(type: "double precision", nullable: true),
                    KpiId = table.Column<Guid>(type: "uuid", nullable: true),
                    BandLow = table.Column<double>(type: "double precision", nullable: true),
                    BandHigh = table.Column<double>(type: "double precision", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Current = table.Column<double>(type: "double precision", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_key_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_okr_key_results_okr_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "okr_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "okr_parent_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentObjectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    StrategyObjectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    Weight = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_parent_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_okr_parent_links_okr_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "okr_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "okr_check_ins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyResultId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Confidence = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ByPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_check_ins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_okr_check_ins_okr_key_results_KeyResultId",
                        column: x => x.KeyResultId,
                        principalTable: "okr_key_results",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_okr_ai_suggestions_ObjectiveId",
                table: "okr_ai_suggestions",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_check_ins_KeyResultId",
                table: "okr_check_ins",
                column: "KeyResultId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_key_results_KpiId",
                table: "okr_key_results",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_key_results_ObjectiveId",
                table: "okr_key_results",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_objectives_OrgUnitId",
                table: "okr_objectives",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_objectives_OwnerPersonId",
                table: "okr_objectives",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_objectives_Period",
                table: "okr_objectives",
                column: "Period");

            migrationBuilder.CreateIndex(
                name: "IX_okr_parent_links_ObjectiveId",
                table: "okr_parent_links",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_parent_links_ParentObjectiveId",
                table: "okr_parent_links",
                column: "ParentObjectiveId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "okr_ai_suggestions");

            migrationBuilder.DropTable(
                name: "okr_check_ins");

            migrationBuilder.DropTable(
                name: "okr_parent_links");

            migrationBuilder.DropTable(
                name: "okr_key_results");

            migrationBuilder.DropTable(
                name: "okr_objectives");
        }
    }
}
