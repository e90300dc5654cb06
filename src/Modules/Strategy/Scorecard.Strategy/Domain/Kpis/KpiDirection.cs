namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>How a KPI's performance is read: higher is better, lower is better, or stay within a target band.</summary>
internal enum KpiDirection
{
    Increase,
    Decrease,
    Range,
}
