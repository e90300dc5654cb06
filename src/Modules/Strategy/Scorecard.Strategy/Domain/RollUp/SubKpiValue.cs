namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>A sub-KPI's current value (null = no data), its weight and when it was measured.</summary>
internal sealed record SubKpiValue(Guid Id, double? Value, double Weight = 1.0, DateOnly? MeasuredOn = null);
