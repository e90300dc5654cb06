using Microsoft.EntityFrameworkCore;

namespace Scorecard.Platform.Persistence;

/// <summary>The Platform model on SQLite, with the migrations the EF tools made for SQLite (Migrations/Sqlite).</summary>
internal sealed class PlatformSqliteDbContext(DbContextOptions<PlatformSqliteDbContext> options) : PlatformDbContext(options);

/// <summary>The Platform model on PostgreSQL, with the migrations the EF tools made for PostgreSQL (Migrations/PostgreSql).</summary>
internal sealed class PlatformPostgresDbContext(DbContextOptions<PlatformPostgresDbContext> options) : PlatformDbContext(options);

internal static class PlatformTables
{
    public const string Prefix = "platform_";

    /// <summary>The hand-written migrations of the release of 2026-11-22, whose schema the first EF-made migration repeats.</summary>
    public static readonly string[] LegacyMigrations = ["20261122000000_PlatformInitial", "20261122010000_PlatformInbox"];
}

internal sealed class PlatformSqliteDesignFactory() : DesignTimeFactory<PlatformSqliteDbContext>(DatabaseProvider.Sqlite, PlatformTables.Prefix);

internal sealed class PlatformPostgresDesignFactory() : DesignTimeFactory<PlatformPostgresDbContext>(DatabaseProvider.PostgreSql, PlatformTables.Prefix);
