using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Tests.Persistence;

public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task An_unreachable_database_is_reported_unhealthy()
    {
        var options = new DbContextOptionsBuilder<PlatformSqliteDbContext>();
        // A read-only open of a file in a folder that does not exist cannot succeed.
        var missing = Path.Combine(Path.GetTempPath(), "scorecard-missing-" + Guid.NewGuid(), "none.db");
        ModuleDbContextRegistration.Configure(options,
            new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={missing};Mode=ReadOnly"), "__platform_migrations");
        await using var db = new PlatformSqliteDbContext(options.Options);
        try
        {
            var result = await new DatabaseHealthCheck(db).CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Unhealthy, result.Status);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(missing)!, recursive: true);
        }
    }
}
