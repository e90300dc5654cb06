using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Reviews.Persistence;

/// <summary>The Reviews model on SQLite, with the migrations the EF tools made for SQLite (Migrations/Sqlite).</summary>
internal sealed class ReviewsSqliteDbContext(DbContextOptions<ReviewsSqliteDbContext> options) : ReviewsDbContext(options);

/// <summary>The Reviews model on PostgreSQL, with the migrations the EF tools made for PostgreSQL (Migrations/PostgreSql).</summary>
internal sealed class ReviewsPostgresDbContext(DbContextOptions<ReviewsPostgresDbContext> options) : ReviewsDbContext(options);

internal static class ReviewsTables
{
    public const string Prefix = "reviews_";

    /// <summary>The hand-written migrations of the release of 2026-11-22, whose schema the first EF-made migration repeats.</summary>
    public static readonly string[] LegacyMigrations = ["20261122100000_ReviewsInitial", "20261122200000_ReviewsAiDrafting"];
}

internal sealed class ReviewsSqliteDesignFactory() : DesignTimeFactory<ReviewsSqliteDbContext>(DatabaseProvider.Sqlite, ReviewsTables.Prefix);

internal sealed class ReviewsPostgresDesignFactory() : DesignTimeFactory<ReviewsPostgresDbContext>(DatabaseProvider.PostgreSql, ReviewsTables.Prefix);
