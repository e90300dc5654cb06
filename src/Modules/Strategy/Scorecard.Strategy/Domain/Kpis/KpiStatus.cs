namespace Scorecard.Strategy.Domain.Kpis;

internal enum KpiStatus
{
    NoData,
    Red,
    Amber,
    Green,
}
