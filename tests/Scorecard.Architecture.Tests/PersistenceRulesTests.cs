using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Scorecard.Architecture.Tests;

public sealed class PersistenceRulesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scorecard-arch-").FullName;

    [Fact]
    public void Every_table_carries_its_module_prefix_and_no_two_contexts_map_the_same_table()
    {
        var owners = new Dictionary<string, string>();
        var problems = new List<string>();
        var contexts = ModuleDatabases.All();
        Assert.Contains(contexts, c => c.Type.Name == "OrganizationDbContext");
        foreach (var info in contexts)
        {
            using var db = ModuleDatabases.Create(info, $"Data Source={Path.Combine(_dir, "prefix.db")}");
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var table = entity.GetTableName();
                if (table is null) continue;
                if (!table.StartsWith(info.TablePrefix, StringComparison.Ordinal))
                    problems.Add($"{info.Type.Name} maps {entity.ClrType.Name} to '{table}', without the '{info.TablePrefix}' prefix.");
                if (owners.TryGetValue(table, out var owner) && owner != info.Type.Name)
                    problems.Add($"'{table}' is mapped by both {owner} and {info.Type.Name}.");
                owners[table] = info.Type.Name;
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Migrations are written by hand (the EF design-time package does not restore here), so this is
    /// the check that each context's migrations build exactly the schema its model describes.
    /// </summary>
    [Fact]
    public void Each_context_migrations_build_the_schema_its_model_describes()
    {
        var problems = new List<string>();
        foreach (var info in ModuleDatabases.All())
        {
            var migrated = $"Data Source={Path.Combine(_dir, info.Type.Name + "-migrated.db")};Pooling=False";
            var created = $"Data Source={Path.Combine(_dir, info.Type.Name + "-created.db")};Pooling=False";
            using (var db = ModuleDatabases.Create(info, migrated)) db.Database.Migrate();
            using (var db = ModuleDatabases.Create(info, created)) db.Database.EnsureCreated();
            var fromMigrations = ModuleDatabases.Schema(migrated);
            var fromModel = ModuleDatabases.Schema(created);
            foreach (var missing in fromModel.Except(fromMigrations)) problems.Add($"{info.Type.Name}: migrations lack {missing}");
            foreach (var extra in fromMigrations.Except(fromModel)) problems.Add($"{info.Type.Name}: migrations add {extra}");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
