namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>
/// What a KPI needs to be scored: baseline and target for progress, a scale for performance, and its status
/// thresholds (null means <see cref="StatusThresholds.Default"/>). Either part may be missing.
/// </summary>
internal sealed record KpiDefinition(
    double? Baseline,
    double? Target,
    PerformanceScale? Scale = null,
    StatusThresholds? Thresholds = null);
