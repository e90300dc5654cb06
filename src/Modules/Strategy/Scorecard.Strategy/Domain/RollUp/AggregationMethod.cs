namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>How a cascaded KPI's value is built from its sub-KPIs' values.</summary>
internal enum AggregationMethod
{
    WeightedAverage,
    Sum,
    Average,
    Min,
    Max,
    Last,
}
