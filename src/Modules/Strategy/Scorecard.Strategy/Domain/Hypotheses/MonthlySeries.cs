namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// A series keyed by month (year × 12 + month − 1, so consecutive months differ by 1). Several values in one month
/// collapse to the latest-dated one: the month's closing reading.
/// </summary>
internal static class MonthlySeries
{
    public static IReadOnlyDictionary<int, double> ByMonth(IEnumerable<DatedValue> series, string field) =>
        series
            .Select(p => p with { Value = FiniteNumber.Require(p.Value, field) })
            .Select((p, index) => (p, index))
            .GroupBy(x => MonthIndex(x.p.On))
            .ToDictionary(g => g.Key, g => g.MaxBy(x => (x.p.On, x.index)).p.Value);

    public static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;
}
