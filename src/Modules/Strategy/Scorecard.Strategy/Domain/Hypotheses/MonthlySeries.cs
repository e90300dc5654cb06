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

    /// <summary>
    /// First differences: for every month whose previous month is also present, the change since that month.
    /// A gap of a missing month yields no change for either side of it (a two-month change is not a monthly one).
    /// </summary>
    public static IReadOnlyDictionary<int, double> Changes(IReadOnlyDictionary<int, double> byMonth) =>
        byMonth
            .Where(p => byMonth.ContainsKey(p.Key - 1))
            .ToDictionary(p => p.Key, p => p.Value - byMonth[p.Key - 1]);

    public static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;
}
