using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;
using Scorecard.Testing;

namespace Scorecard.Architecture.Tests;

public sealed class PersistenceRulesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scorecard-arch-").FullName;

    [Fact]
    public void Every_table_carries_its_module_prefix_and_no_two_models_map_the_same_table()
    {
        var owners = new Dictionary<string, string>();
        var problems = new List<string>();
        var contexts = ModuleDatabases.All();
        Assert.Contains(contexts, c => c.Model.Name == "OrganizationDbContext" && c.Provider == DatabaseProvider.PostgreSql);
        foreach (var info in contexts)
        {
            using var db = ModuleDatabases.Create(info, info.Provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(_dir, "prefix.db")}" : "Host=localhost;Database=none");
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var table = entity.GetTableName();
                if (table is null) continue;
                if (!table.StartsWith(info.TablePrefix, StringComparison.Ordinal))
                    problems.Add($"{info.Type.Name} maps {entity.ClrType.Name} to '{table}', without the '{info.TablePrefix}' prefix.");
                if (owners.TryGetValue(table, out var owner) && owner != info.Model.Name)
                    problems.Add($"'{table}' is mapped by both {owner} and {info.Model.Name}.");
                owners[table] = info.Model.Name;
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Each model has a SQLite and a PostgreSQL context, each with migrations the EF tools made.</summary>
    [Fact]
    public void Every_model_has_one_context_per_provider_and_its_migrations_are_up_to_date()
    {
        var problems = new List<string>();
        foreach (var model in ModuleDatabases.All().GroupBy(c => c.Model))
        {
            var providers = model.Select(c => c.Provider).Order().ToList();
            if (!providers.SequenceEqual([DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql]))
                problems.Add($"{model.Key.Name} has contexts for {string.Join(", ", providers)}, not exactly one per provider.");
            foreach (var info in model)
            {
                using var db = ModuleDatabases.Create(info, info.Provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=none");
                if (!db.Database.GetMigrations().Any()) problems.Add($"{info.Type.Name} has no migrations.");
                // Compares the model with the last migration's snapshot, as `dotnet ef migrations has-pending-model-changes` does.
                if (db.Database.HasPendingModelChanges())
                    problems.Add($"{info.Type.Name}: the model changed since its last migration; run scripts/add-migration.sh.");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_sqlite_migrations_build_the_schema_each_model_describes()
    {
        var problems = new List<string>();
        foreach (var info in ModuleDatabases.For(DatabaseProvider.Sqlite))
        {
            var migrated = $"Data Source={Path.Combine(_dir, info.Type.Name + "-migrated.db")};Pooling=False";
            var created = $"Data Source={Path.Combine(_dir, info.Type.Name + "-created.db")};Pooling=False";
            using (var db = ModuleDatabases.Create(info, migrated)) db.Database.Migrate();
            using (var db = ModuleDatabases.Create(info, created)) db.Database.EnsureCreated();
            Compare(info, ModuleDatabases.SqliteSchema(migrated), ModuleDatabases.SqliteSchema(created), problems);
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The same on a real PostgreSQL server (the one test.sh starts): migrated schema = the model's schema, identities included.</summary>
    [Fact]
    public void The_postgresql_migrations_build_the_schema_each_model_describes()
    {
        using var migratedDb = TestDatabase.CreatePostgres("arch_migrated");
        using var createdDb = TestDatabase.CreatePostgres("arch_created");
        var contexts = ModuleDatabases.For(DatabaseProvider.PostgreSql);
        foreach (var info in contexts)
        {
            using (var db = ModuleDatabases.Create(info, migratedDb.ConnectionString)) db.Database.Migrate();
            using (var db = ModuleDatabases.Create(info, migratedDb.ConnectionString)) Assert.Empty(db.Database.GetPendingMigrations());
            // EnsureCreated creates nothing once any table exists, so the model's own script is run for each context.
            using (var db = ModuleDatabases.Create(info, createdDb.ConnectionString)) db.Database.ExecuteSqlRaw(db.Database.GenerateCreateScript());
        }
        var problems = new List<string>();
        Compare(contexts[0], ModuleDatabases.PostgresSchema(migratedDb.ConnectionString), ModuleDatabases.PostgresSchema(createdDb.ConnectionString), problems);
        Assert.Contains(ModuleDatabases.PostgresSchema(migratedDb.ConnectionString), l => l.StartsWith("column platform_audit_log.Id bigint() null=NO identity=YES", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static void Compare(ModuleDatabases.ContextInfo info, SortedSet<string> fromMigrations, SortedSet<string> fromModel, List<string> problems)
    {
        foreach (var missing in fromModel.Except(fromMigrations)) problems.Add($"{info.Type.Name}: migrations lack {missing}");
        foreach (var extra in fromMigrations.Except(fromModel)) problems.Add($"{info.Type.Name}: migrations add {extra}");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
