using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Platform.Jobs;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>
/// Refreshes the stored alignment findings marked dirty by goal writes, on one instance, every few seconds
/// (<c>Scorecard:Okr:AlignmentRefreshSeconds</c>, 5 by default), and everything every few hours
/// (<see cref="AlignmentRefresher"/>).
/// </summary>
internal sealed class AlignmentRefreshJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AlignmentRefreshJob> logger,
    IConfiguration configuration) : ClusteredJob(scopes, clock, logger)
{
    protected override string Name => "okr.alignment-refresh";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Scorecard:Okr:AlignmentRefreshSeconds", 5.0)));

    protected override async Task<string> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<AlignmentRefresher>().RefreshAsync(forceFull: false, cancellationToken)).ToString();
}
