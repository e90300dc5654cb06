using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scorecard.Platform.Modules;

namespace Scorecard.Platform.Persistence;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's own DbContext on the shared database, with the module's own
    /// migrations-history table (<c>__{prefix}migrations</c>). <typeparamref name="TSqlite"/> and
    /// <typeparamref name="TPostgres"/> are the same model with the migrations the EF tools made for each
    /// provider ("migrations with multiple providers"); the configured provider picks one.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, IConfiguration configuration, string tablePrefix, params string[] legacyMigrations)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSharedDatabase(settings);
        var history = HistoryTable(tablePrefix);
        if (settings.Provider == DatabaseProvider.PostgreSql)
            services.AddDbContext<TContext, TPostgres>((sp, options) => ConfigureScoped(sp, options, settings, history));
        else
            services.AddDbContext<TContext, TSqlite>((sp, options) => ConfigureScoped(sp, options, settings, history));
        services.AddSingleton<IModuleInitializer>(new MigrateModuleDatabase<TContext>(legacyMigrations));
        services.AddSingleton(new ModuleContextRegistration(typeof(TContext), tablePrefix));
        return services;
    }

    /// <summary>On the scope's shared connection, with any interceptors the host registered (tests count SQL commands this way).</summary>
    private static void ConfigureScoped(IServiceProvider sp, DbContextOptionsBuilder options, DatabaseSettings settings, string history)
    {
        Configure(options, settings, history, sp.GetRequiredService<ScopedDbConnection>().Connection);
        var extra = sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>().ToList();
        if (extra.Count > 0) options.AddInterceptors(extra);
    }

    public static string HistoryTable(string tablePrefix) => $"__{tablePrefix}migrations";

    /// <summary>The per-scope shared connection and unit of work every module context uses.</summary>
    public static IServiceCollection AddSharedDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.TryAddSingleton(settings);
        services.TryAddSingleton<DataSources>();
        services.TryAddScoped<ScopedDbConnection>();
        services.TryAddScoped<UnitOfWork>();
        return services;
    }

    /// <summary>
    /// The provider's options with the module's history table: on the scope's shared <paramref name="connection"/>
    /// (the application's way), or on a connection string of their own (design-time tools and tests).
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, string historyTable, DbConnection? connection = null)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.PostgreSql when connection is not null:
                options.UseNpgsql(connection, o => o.MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.Sqlite when connection is not null:
                options.UseSqlite(connection, o => o.MigrationsHistoryTable(historyTable));
                break;
            default:
                EnsureSqliteDirectory(settings.ConnectionString);
                options.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable(historyTable));
                break;
        }
        options.AddInterceptors(UnitOfWorkSaveInterceptor.Instance);
    }

    internal static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:") return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}

/// <summary>One module context the host registered, for readiness and the migrate command.</summary>
public sealed record ModuleContextRegistration(Type ContextType, string TablePrefix);
