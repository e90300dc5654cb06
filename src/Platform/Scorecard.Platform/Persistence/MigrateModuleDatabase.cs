using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Modules;

namespace Scorecard.Platform.Persistence;

/// <summary>
/// Applies a module's migrations (order 0, under the start-up lock). A SQLite database made by the
/// release whose migrations were written by hand (<paramref name="legacyMigrations"/>) has exactly the
/// schema of the first EF-made migration, so that migration is recorded as applied instead of run.
/// </summary>
internal sealed class MigrateModuleDatabase<TContext>(IReadOnlyCollection<string> legacyMigrations) : IModuleInitializer
    where TContext : DbContext
{
    public int Order => 0;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while one writer commits; the setting persists in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using (var cmd = db.Database.GetDbConnection().CreateCommand())
            {
                cmd.CommandText = "PRAGMA journal_mode=WAL;";
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            await db.Database.CloseConnectionAsync();
        }
        await AdoptLegacyHistoryAsync(db, cancellationToken);
        // On an empty PostgreSQL database EF reads the history table before creating it and logs the expected failure
        // as an error (dotnet/efcore#37328, npgsql/efcore.pg#3407); creating it first keeps a first start free of "fail:" lines.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private async Task AdoptLegacyHistoryAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (legacyMigrations.Count == 0) return;
        var history = db.GetService<IHistoryRepository>();
        if (!await HistoryExistsAsync(db, history, cancellationToken)) return;   // an empty database
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!applied.Overlaps(legacyMigrations)) return;
        var baseline = db.Database.GetMigrations().First();
        if (applied.Contains(baseline)) return;
        var missing = legacyMigrations.Where(m => !applied.Contains(m)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"This database was made by an older Scorecard release that had not applied {string.Join(", ", missing)}. "
                + "Start the release of 2026-11-22 on it once, then this one.");
        if (!db.Database.IsSqlite())
            throw new InvalidOperationException(
                "This PostgreSQL database was made by the release of 2026-11-22, whose PostgreSQL schema could not store audit records. "
                + "Create a new, empty database for this release and import the people again.");
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
    }

    /// <summary>Npgsql's <c>ExistsAsync</c> reads the table and logs its absence as an error; the catalog says it quietly.</summary>
    private static async Task<bool> HistoryExistsAsync(DbContext db, IHistoryRepository history, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite()) return await history.ExistsAsync(cancellationToken);
        var table = Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension
            .Extract(db.GetService<IDbContextOptions>()).MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName;
        return await db.Database.SqlQueryRaw<bool>("SELECT to_regclass({0}) IS NOT NULL AS \"Value\"", table).SingleAsync(cancellationToken);
    }
}
