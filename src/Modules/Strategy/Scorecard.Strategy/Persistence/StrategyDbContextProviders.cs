using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Strategy.Persistence;

/// <summary>The Strategy model on SQLite, with the migrations the EF tools made for SQLite (Migrations/Sqlite).</summary>
internal sealed class StrategySqliteDbContext(DbContextOptions<StrategySqliteDbContext> options) : StrategyDbContext(options);

/// <summary>The Strategy model on PostgreSQL, with the migrations the EF tools made for PostgreSQL (Migrations/PostgreSql).</summary>
internal sealed class StrategyPostgresDbContext(DbContextOptions<StrategyPostgresDbContext> options) : StrategyDbContext(options);

internal static class StrategyTables
{
    public const string Prefix = "strategy_";

    /// <summary>The hand-written migrations of the release of 2026-11-22, whose schema the first EF-made migration repeats.</summary>
    public static readonly string[] LegacyMigrations = ["20261122100000_StrategyInitial"];
}

internal sealed class StrategySqliteDesignFactory() : DesignTimeFactory<StrategySqliteDbContext>(DatabaseProvider.Sqlite, StrategyTables.Prefix);

internal sealed class StrategyPostgresDesignFactory() : DesignTimeFactory<StrategyPostgresDbContext>(DatabaseProvider.PostgreSql, StrategyTables.Prefix);
