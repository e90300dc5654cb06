using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Scorecard.Platform.Persistence;

/// <summary>
/// One database connection per scope (request, job run), shared by every module's DbContext, so a
/// module's change and the audit record of it commit in one transaction. Opened by EF when first used.
/// </summary>
public sealed class ScopedDbConnection(DatabaseSettings settings, DataSources sources) : IAsyncDisposable, IDisposable
{
    private DbConnection? _connection;

    public DbConnection Connection => _connection ??= settings.Provider switch
    {
        DatabaseProvider.PostgreSql => sources.Postgres.CreateConnection(),
        _ => new SqliteConnection(settings.ConnectionString),
    };

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }

    public void Dispose() => _connection?.Dispose();
}

/// <summary>The process-wide PostgreSQL data source (connection pool, Npgsql's own telemetry).</summary>
public sealed class DataSources : IDisposable
{
    private readonly Lazy<NpgsqlDataSource> _postgres;

    public DataSources(DatabaseSettings settings)
    {
        _postgres = new(() => new NpgsqlDataSourceBuilder(settings.ConnectionString).Build());
        if (settings.Provider == DatabaseProvider.Sqlite) ModuleDbContextRegistration.EnsureSqliteDirectory(settings.ConnectionString);
    }

    public NpgsqlDataSource Postgres => _postgres.Value;

    public void Dispose()
    {
        if (_postgres.IsValueCreated) _postgres.Value.Dispose();
    }
}
