using Microsoft.Data.Sqlite;
using Npgsql;

namespace Scorecard.Platform.Persistence;

/// <summary>
/// Held while migrations and seeders run, so instances starting at the same moment take turns: a
/// PostgreSQL session-level advisory lock, or an exclusive lock on a file beside the SQLite database.
/// </summary>
public static class DatabaseStartupLock
{
    // Any fixed number: every Scorecard instance asks for the same advisory lock.
    private const long AdvisoryLockKey = 0x5C0EECA7D0;

    public static async Task<IAsyncDisposable> AcquireAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            // A connection of its own, outside the pool: the lock belongs to this session, which ends when it is disposed.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var cmd = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                cmd.Parameters.AddWithValue("key", AdvisoryLockKey);
                cmd.CommandTimeout = 0;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            return connection;
        }

        var source = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:") return NoLock.Instance;
        var path = Path.GetFullPath(source) + ".startup-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
