namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>
/// One KPI reading scored. <see cref="RollUpScore"/> is the 0..1 number that objectives average and status bands
/// classify; it is null (status no data) when there is no value or nothing to compare it with.
/// </summary>
internal sealed record KpiScore(
    double? Value,
    KpiProgress? Progress,
    double? Performance,
    double? RollUpScore,
    KpiStatus Status);
