namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>A cascaded KPI's aggregated value (null when no sub-KPI has data) and which sub-KPIs fed it.</summary>
internal sealed record AggregatedValue(double? Value, IReadOnlyList<Guid> Used, IReadOnlyList<Guid> SkippedNoData);
