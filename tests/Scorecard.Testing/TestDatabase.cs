using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Scorecard.Platform.Persistence;

namespace Scorecard.Testing;

/// <summary>
/// A fresh, empty database for one test (or one test class), on the provider the run selects:
/// <c>SCORECARD_TEST_PROVIDER=postgres</c> runs the same tests on PostgreSQL, using the server that
/// <c>test.sh</c> starts (<c>SCORECARD_TEST_POSTGRES</c>, a connection string without a database);
/// anything else is SQLite in a temp folder. Disposing drops the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string directory, string? postgresName)
    {
        Settings = settings;
        Directory = directory;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public string ConnectionString => Settings.ConnectionString;

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>A temp folder of the test's own (the SQLite file lives here).</summary>
    public string Directory { get; }

    public static bool PostgresSelected =>
        string.Equals(Environment.GetEnvironmentVariable("SCORECARD_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL server test.sh started; tests that need PostgreSQL whatever the provider use it.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SCORECARD_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "SCORECARD_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL, "
                + "or set it to a connection string of a PostgreSQL server (without Database=).");

    public static TestDatabase Create(string name = "scorecard") => PostgresSelected ? CreatePostgres(name) : CreateSqlite(name);

    public static TestDatabase CreateSqlite(string name = "scorecard")
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("scorecard-test-").FullName;
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, name + ".db")}"), dir, null);
    }

    public static TestDatabase CreatePostgres(string name = "scorecard")
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("scorecard-test-").FullName;
        var database = $"{name}_{Guid.NewGuid():N}"[..Math.Min(60, name.Length + 33)].ToLowerInvariant();
        using (var connection = new NpgsqlConnection(PostgresServer))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            cmd.ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, cs), dir, database);
    }

    /// <summary>A context of a module on this database: the SQLite or the PostgreSQL one, with the module's history table.</summary>
    public TBase Context<TBase, TSqlite, TPostgres>(string tablePrefix)
        where TBase : DbContext where TSqlite : TBase where TPostgres : TBase
    {
        var type = Provider == DatabaseProvider.PostgreSql ? typeof(TPostgres) : typeof(TSqlite);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        ModuleDbContextRegistration.Configure(builder, Settings, ModuleDbContextRegistration.HistoryTable(tablePrefix));
        return (TBase)Activator.CreateInstance(type, builder.Options)!;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, on either database.</summary>
    public object? Scalar(string sql)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    public long Count(string sql) => Convert.ToInt64(Scalar(sql));

    private System.Data.Common.DbConnection Open()
    {
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as text.</summary>
    public IReadOnlyList<string> Column(string sql)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0))!);
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        Dispose();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var connection = new NpgsqlConnection(PostgresServer);
                connection.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server may already be gone at the end of the run; the run's folder is deleted with it.
            }
        }
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
