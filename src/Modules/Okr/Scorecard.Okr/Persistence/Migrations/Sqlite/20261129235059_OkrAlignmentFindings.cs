using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Okr.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal sealed partial class OkrAlignmentFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "okr_alignment_dirty",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WithDescendants = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_alignment_dirty", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "okr_alignment_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: true),
                    KeyResultId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObjectiveTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SeverityRank = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NumbersJson = table.Column<string>(type: "TEXT", nullable: false),
                    SuggestionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SuggestedParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OwnerUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObjectiveUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_alignment_findings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "okr_alignment_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FullComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LastRefreshed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_alignment_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "okr_department_coverage",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Goals = table.Column<int>(type: "INTEGER", nullable: false),
                    Aligned = table.Column<int>(type: "INTEGER", nullable: false),
                    Mapped = table.Column<int>(type: "INTEGER", nullable: false),
                    PerspectiveCountsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_department_coverage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "okr_objective_alignment",
                columns: table => new
                {
                    ObjectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObjectiveUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Aligned = table.Column<bool>(type: "INTEGER", nullable: false),
                    PerspectivesJson = table.Column<string>(type: "TEXT", nullable: false),
                    TextHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TermsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_okr_objective_alignment", x => x.ObjectiveId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_okr_alignment_findings_ObjectiveId",
                table: "okr_alignment_findings",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_alignment_findings_ObjectiveUnitId",
                table: "okr_alignment_findings",
                column: "ObjectiveUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_alignment_findings_OwnerUnitId",
                table: "okr_alignment_findings",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_alignment_findings_PeriodStart_PeriodEnd",
                table: "okr_alignment_findings",
                columns: new[] { "PeriodStart", "PeriodEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_okr_alignment_findings_PersonId",
                table: "okr_alignment_findings",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_objective_alignment_OwnerPersonId",
                table: "okr_objective_alignment",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_objective_alignment_OwnerUnitId",
                table: "okr_objective_alignment",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_okr_objective_alignment_PeriodStart_PeriodEnd",
                table: "okr_objective_alignment",
                columns: new[] { "PeriodStart", "PeriodEnd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "okr_alignment_dirty");

            migrationBuilder.DropTable(
                name: "okr_alignment_findings");

            migrationBuilder.DropTable(
                name: "okr_alignment_runs");

            migrationBuilder.DropTable(
                name: "okr_department_coverage");

            migrationBuilder.DropTable(
                name: "okr_objective_alignment");
        }
    }
}
