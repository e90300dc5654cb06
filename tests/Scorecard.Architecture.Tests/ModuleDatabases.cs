using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Architecture.Tests;

/// <summary>Every DbContext of the platform and the modules, with the table prefix it must use.</summary>
internal static class ModuleDatabases
{
    public sealed record ContextInfo(Type Type, string TablePrefix, string HistoryTable);

    public static IReadOnlyList<ContextInfo> All()
    {
        var sources = ModuleCatalog.All.Select(m => (m.Implementation, m.TablePrefix))
            .Append((ModuleCatalog.Platform, "platform_"));
        return sources.SelectMany(s => s.Item1.GetTypes()
                .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => new ContextInfo(t, s.Item2, $"__{s.Item2}migrations")))
            .ToList();
    }

    public static DbContext Create(ContextInfo info, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(info.Type))!;
        ModuleDbContextRegistration.Configure(builder, new DatabaseSettings(DatabaseProvider.Sqlite, connectionString), info.HistoryTable);
        return (DbContext)Activator.CreateInstance(info.Type, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance,
            null, [builder.Options], null)!;
    }

    /// <summary>Tables, columns, indexes and foreign keys of a SQLite file, as comparable text lines.</summary>
    /// <summary>EF's own bookkeeping tables (migrations history, migration lock) are left out.</summary>
    public static SortedSet<string> Schema(string connectionString)
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

    private static List<string[]> Query(SqliteConnection connection, string sql)
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
