using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scorecard.Platform.Persistence;

/// <summary>Readiness: the database answers and every module's migrations are applied.</summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services, IEnumerable<ModuleContextRegistration> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = new List<string>();
            foreach (var registration in contexts)
            {
                var db = (DbContext)services.GetRequiredService(registration.ContextType);
                if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("The database is not reachable.");
                pending.AddRange(await db.Database.GetPendingMigrationsAsync(cancellationToken));
            }
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database is reachable and migrated.")
                : HealthCheckResult.Unhealthy($"The database is not migrated: {pending.Count} migrations are pending (run the migrate command).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", e);
        }
    }
}
