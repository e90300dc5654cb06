using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecard.Reviews.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal sealed partial class ReviewsReviewBuilders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "reviews_templates",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "ExcludedPersonIdsJson",
                table: "reviews_cycles",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PeerAnonymityThreshold",
                table: "reviews_cycles",
                type: "integer",
                nullable: false,
                defaultValue: 3);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "reviews_templates");

            migrationBuilder.DropColumn(
                name: "ExcludedPersonIdsJson",
                table: "reviews_cycles");

            migrationBuilder.DropColumn(
                name: "PeerAnonymityThreshold",
                table: "reviews_cycles");
        }
    }
}
