using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Modules;

public static class ModuleInitialization
{
    /// <summary>
    /// Runs every module's start-up work — all migrations, then the seeders in order — under the
    /// database's start-up lock, so two instances starting together migrate and seed exactly once.
    /// </summary>
    public static async Task InitializeModulesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        await using var _ = await DatabaseStartupLock.AcquireAsync(settings, cancellationToken);
        foreach (var initializer in services.GetServices<IModuleInitializer>().OrderBy(i => i.Order))
            await initializer.InitializeAsync(services, cancellationToken);
    }
}
