using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Organization.Persistence;

/// <summary>The Organization model on SQLite, with the migrations the EF tools made for SQLite (Migrations/Sqlite).</summary>
internal sealed class OrganizationSqliteDbContext(DbContextOptions<OrganizationSqliteDbContext> options) : OrganizationDbContext(options);

/// <summary>The Organization model on PostgreSQL, with the migrations the EF tools made for PostgreSQL (Migrations/PostgreSql).</summary>
internal sealed class OrganizationPostgresDbContext(DbContextOptions<OrganizationPostgresDbContext> options) : OrganizationDbContext(options);

internal static class OrganizationTables
{
    public const string Prefix = "org_";

    /// <summary>The hand-written migrations of the release of 2026-11-22, whose schema the first EF-made migration repeats.</summary>
    public static readonly string[] LegacyMigrations = ["20261122000000_OrganizationInitial", "20261122020000_OrganizationUnitNamesUnique"];
}

internal sealed class OrganizationSqliteDesignFactory() : DesignTimeFactory<OrganizationSqliteDbContext>(DatabaseProvider.Sqlite, OrganizationTables.Prefix);

internal sealed class OrganizationPostgresDesignFactory() : DesignTimeFactory<OrganizationPostgresDbContext>(DatabaseProvider.PostgreSql, OrganizationTables.Prefix);
