using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>
/// Used only when no Strategy module registers <see cref="IStrategyReader"/> (registered with TryAdd, so the
/// real reader wins): no scorecard objectives, no KPIs, no weights. OKRs then align to company OKRs only.
/// </summary>
internal sealed class NoStrategyReader : IStrategyReader
{
    public Task<StrategyObjectiveSummary?> GetObjectiveAsync(Guid objectiveId, CancellationToken cancellationToken = default) =>
        Task.FromResult<StrategyObjectiveSummary?>(null);

    public Task<IReadOnlyList<StrategyObjectiveSummary>> GetObjectivesAsync(IEnumerable<Guid> objectiveIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StrategyObjectiveSummary>>([]);

    public Task<IReadOnlyList<StrategyObjectiveSummary>> ListObjectivesAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StrategyObjectiveSummary>>([]);

    public Task<IReadOnlyList<string>> GetScorecardNamesOfOrgUnitAsync(Guid orgUnitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<KpiSummary?> GetKpiAsync(Guid kpiId, CancellationToken cancellationToken = default) => Task.FromResult<KpiSummary?>(null);

    public Task<IReadOnlyList<KpiSummary>> GetKpisOwnedByAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KpiSummary>>([]);

    public Task<IReadOnlyList<KpiSummary>> SearchKpisAsync(string text, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KpiSummary>>([]);

    public Task<IReadOnlyList<KpiMeasurementPoint>> GetMeasurementsAsync(Guid kpiId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KpiMeasurementPoint>>([]);

    public Task<LineOfSight?> GetLineOfSightAsync(Guid objectiveId, CancellationToken cancellationToken = default) =>
        Task.FromResult<LineOfSight?>(null);

    public Task<IReadOnlyList<PerspectiveWeight>> GetCompanyPerspectiveWeightsAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PerspectiveWeight>>([]);
}
