namespace Scorecard.Strategy.Domain.Kpis;

internal enum UpdateInterval
{
    Weekly,
    Monthly,
    Quarterly,
}
