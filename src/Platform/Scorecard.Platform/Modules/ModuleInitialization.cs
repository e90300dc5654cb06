using Microsoft.Extensions.DependencyInjection;

namespace Scorecard.Platform.Modules;

public static class ModuleInitialization
{
    /// <summary>Runs every module's start-up work: all migrations, then the seeders in order.</summary>
    public static async Task InitializeModulesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        foreach (var initializer in services.GetServices<IModuleInitializer>().OrderBy(i => i.Order))
            await initializer.InitializeAsync(services, cancellationToken);
    }
}
