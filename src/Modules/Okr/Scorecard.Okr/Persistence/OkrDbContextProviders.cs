using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Okr.Persistence;

/// <summary>The Okr model on SQLite, with the migrations the EF tools made for SQLite (Migrations/Sqlite).</summary>
internal sealed class OkrSqliteDbContext(DbContextOptions<OkrSqliteDbContext> options) : OkrDbContext(options);

/// <summary>The Okr model on PostgreSQL, with the migrations the EF tools made for PostgreSQL (Migrations/PostgreSql).</summary>
internal sealed class OkrPostgresDbContext(DbContextOptions<OkrPostgresDbContext> options) : OkrDbContext(options);

internal static class OkrTables
{
    public const string Prefix = "okr_";

    /// <summary>The hand-written migrations of the release of 2026-11-22, whose schema the first EF-made migration repeats.</summary>
    public static readonly string[] LegacyMigrations = ["20261122100000_OkrInitial"];
}

internal sealed class OkrSqliteDesignFactory() : DesignTimeFactory<OkrSqliteDbContext>(DatabaseProvider.Sqlite, OkrTables.Prefix);

internal sealed class OkrPostgresDesignFactory() : DesignTimeFactory<OkrPostgresDbContext>(DatabaseProvider.PostgreSql, OkrTables.Prefix);
