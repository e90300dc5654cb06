using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Tests.Persistence;

public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task An_unreachable_database_is_reported_unhealthy()
    {
        // A read-only open of a file in a folder that does not exist cannot succeed.
        var missing = Path.Combine(Path.GetTempPath(), "scorecard-missing-" + Guid.NewGuid(), "none.db");
        var result = await CheckAsync($"Data Source={missing};Mode=ReadOnly");
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("not reachable", result.Description);
        Directory.Delete(Path.GetDirectoryName(missing)!, recursive: true);
    }

    [Fact]
    public async Task A_database_that_is_not_migrated_is_not_ready_and_a_migrated_one_is()
    {
        var dir = Directory.CreateTempSubdirectory("scorecard-ready-").FullName;
        var cs = $"Data Source={Path.Combine(dir, "ready.db")};Pooling=False";
        await using (var empty = new Microsoft.Data.Sqlite.SqliteConnection(cs)) await empty.OpenAsync();   // the file exists, with no tables
        var before = await CheckAsync(cs);
        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("not migrated", before.Description);

        await using (var provider = Services(cs))
        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.MigrateAsync();
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(cs)).Status);
        Directory.Delete(dir, recursive: true);
    }

    private static ServiceProvider Services(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Scorecard"] = connectionString }).Build();
        var services = new ServiceCollection();
        services.AddModuleDbContext<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(configuration, PlatformTables.Prefix);
        return services.BuildServiceProvider();
    }

    private static async Task<HealthCheckResult> CheckAsync(string connectionString)
    {
        await using var provider = Services(connectionString);
        await using var scope = provider.CreateAsyncScope();
        var check = new DatabaseHealthCheck(scope.ServiceProvider, scope.ServiceProvider.GetServices<ModuleContextRegistration>());
        return await check.CheckHealthAsync(new HealthCheckContext());
    }
}
