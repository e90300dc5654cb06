using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Scorecard.Platform.Modules;

namespace Scorecard.Platform.Persistence;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's own DbContext on the shared database, with the module's own
    /// migrations-history table (<c>__{prefix}_migrations</c>), and runs its migrations on start.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(
        this IServiceCollection services, IConfiguration configuration, string tablePrefix)
        where TContext : DbContext
    {
        var settings = DatabaseSettings.From(configuration);
        var history = $"__{tablePrefix}migrations";
        services.AddDbContext<TContext>(options => Configure(options, settings, history));
        services.AddSingleton<IModuleInitializer>(new MigrateModuleDatabase<TContext>());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, string historyTable)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable));
                break;
            default:
                EnsureSqliteDirectory(settings.ConnectionString);
                options.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable));
                break;
        }
        // Migrations are written by hand (the EF design-time package does not restore from the
        // registry copy here), so there is no model snapshot to compare with. The migration test
        // in Scorecard.Architecture.Tests compares each migrated schema with the model instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:") return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
