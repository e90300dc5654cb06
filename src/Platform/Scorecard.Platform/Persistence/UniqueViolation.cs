using Microsoft.EntityFrameworkCore;

namespace Scorecard.Platform.Persistence;

/// <summary>A unique index refused the write: SQLite constraint error 19 (UNIQUE), PostgreSQL SQLSTATE 23505.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } sqlite => sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        Npgsql.PostgresException postgres => postgres.SqlState == "23505",
        _ => false,
    };
}
