using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Okr.Application;
using Scorecard.Platform.Modules;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Seeding;

/// <summary>
/// At start-up, after the demo seed: stores the progress of objectives whose stored progress is not known yet (rows
/// from before progress was stored, seeded or bulk-imported rows). A no-op once every row is known.
/// </summary>
internal sealed class ProgressBackfill : IModuleInitializer
{
    public int Order => 125;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var count = await sp.GetRequiredService<ProgressUpdater>().BackfillAsync(sp.GetRequiredService<IStrategyReader>(), cancellationToken);
        if (count > 0)
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Scorecard.Seeding").LogInformation("Stored the progress of {Count} OKR objectives.", count);
    }
}
