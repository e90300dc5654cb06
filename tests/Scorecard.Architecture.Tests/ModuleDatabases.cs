using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Scorecard.Platform.Persistence;

namespace Scorecard.Architecture.Tests;

/// <summary>Every DbContext of the platform and the modules — one per model and provider — with the table prefix it must use.</summary>
internal static class ModuleDatabases
{
    /// <param name="Type">the provider's context (e.g. OkrSqliteDbContext)</param>
    /// <param name="Model">the module's model it shares with the other provider (e.g. OkrDbContext)</param>
    public sealed record ContextInfo(Type Type, Type Model, DatabaseProvider Provider, string TablePrefix, string HistoryTable);

    public static IReadOnlyList<ContextInfo> All()
    {
        var sources = ModuleCatalog.All.Select(m => (m.Implementation, m.TablePrefix))
            .Append((ModuleCatalog.Platform, "platform_"));
        return sources.SelectMany(s => s.Item1.GetTypes()
                .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => new ContextInfo(t, t.BaseType!,
                    t.Name.Contains("Postgres", StringComparison.Ordinal) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite,
                    s.Item2, ModuleDbContextRegistration.HistoryTable(s.Item2))))
            .ToList();
    }

    public static IReadOnlyList<ContextInfo> For(DatabaseProvider provider) => All().Where(c => c.Provider == provider).ToList();

    public static DbContext Create(ContextInfo info, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(info.Type))!;
        ModuleDbContextRegistration.Configure(builder, new DatabaseSettings(info.Provider, connectionString), info.HistoryTable);
        return (DbContext)Activator.CreateInstance(info.Type, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance,
            null, [builder.Options], null)!;
    }

    /// <summary>Tables, columns, indexes and foreign keys of a SQLite file, as comparable text lines.</summary>
    /// <summary>EF's own bookkeeping tables (migrations history, migration lock) are left out.</summary>
    public static SortedSet<string> SqliteSchema(string connectionString)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
            .Select(r => r[0]).Where(t => !t.StartsWith("__", StringComparison.Ordinal)).ToList();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            foreach (var c in Query(connection, $"PRAGMA table_info('{table}')"))
                lines.Add($"column {table}.{c[1]} {c[2]} notnull={c[3]} pk={c[5]}");
            foreach (var i in Query(connection, $"PRAGMA index_list('{table}')").Where(i => !i[1].StartsWith("sqlite_", StringComparison.Ordinal)))
            {
                var columns = string.Join(",", Query(connection, $"PRAGMA index_info('{i[1]}')").Select(c => c[2]));
                lines.Add($"index {table}.{i[1]} unique={i[2]} ({columns})");
            }
            foreach (var f in Query(connection, $"PRAGMA foreign_key_list('{table}')"))
                lines.Add($"fk {table}.{f[3]} -> {f[2]}.{f[4]} on delete {f[6]}");
        }
        return lines;
    }

    /// <summary>Tables, columns (type, nullability, identity, default), indexes and constraints of a PostgreSQL database.</summary>
    public static SortedSet<string> PostgresSchema(string connectionString)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var c in Query(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, is_identity, coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_%'
            """))
            // Defaults are left out: a column added to existing rows gets one that a freshly created table has no need of.
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) null={c[4]} identity={c[5]}");
        foreach (var i in Query(connection, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_%'"))
            lines.Add($"index {i[0]} {i[1]}");
        foreach (var k in Query(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '\_\_%'
            """))
            lines.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        return lines;
    }

    private static List<string[]> Query(System.Data.Common.DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i))!).ToArray());
        return rows;
    }
}
