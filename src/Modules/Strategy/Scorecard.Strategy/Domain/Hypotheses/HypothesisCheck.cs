using static System.FormattableString;

namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// Tests a strategy-map arrow: do the driver's <em>changes</em> come before the outcome's? Levels are never
/// correlated — two series that both trend over a year correlate near ±1 whatever the cause (spurious regression,
/// Granger &amp; Newbold 1974). Instead:
/// <list type="number">
/// <item>each series becomes its month-on-month changes (first differences), which removes a linear trend;</item>
/// <item>the driver's change in month m is paired with the outcome's change in month m + lag, lags 0–3;</item>
/// <item>a lag counts only with at least <see cref="MinPoints"/> pairs; none → not enough data;</item>
/// <item>each lag's r gets a two-sided t-test p-value (n − 2 degrees of freedom), multiplied by the number of lags
/// tried (Bonferroni), so picking the best of four does not inflate the evidence;</item>
/// <item>the lag with the smallest p decides: corrected p &lt; <see cref="Alpha"/> and r in the expected direction →
/// supported, against it → contradicted, otherwise not yet supported.</item>
/// </list>
/// With 6–24 monthly points this is a prompt for the quarterly review, not proof.
/// </summary>
internal static class HypothesisCheck
{
    public const int MaxLag = 3;
    public const int MinPoints = 6;
    public const double Alpha = 0.05;

    public static HypothesisCheckResult Check(
        IEnumerable<DatedValue> driver,
        IEnumerable<DatedValue> outcome,
        ExpectedDirection expected = ExpectedDirection.SameDirection)
    {
        var driverChanges = MonthlySeries.Changes(MonthlySeries.ByMonth(driver, "driver"));
        var outcomeChanges = MonthlySeries.Changes(MonthlySeries.ByMonth(outcome, "outcome"));
        var sign = (int)expected;

        var raw = Enumerable.Range(0, MaxLag + 1)
            .Select(lag => Correlate(driverChanges, outcomeChanges, lag, sign))
            .ToList();
        var tried = raw.Count(l => l.P is not null);
        var lags = raw.Select(l => l with { AdjustedP = l.P is { } p ? CorrelationSignificance.Bonferroni(p, tried) : null }).ToList();
        if (tried == 0)
        {
            var most = lags.Max(l => l.Points);
            var gappy = driverChanges.Count == 0 ? "driver" : outcomeChanges.Count == 0 ? "outcome" : null;
            var why = gappy is not null
                ? $"The {gappy} has no readings in two consecutive months (e.g. a quarterly KPI), so there are no month-on-month changes to compare."
                : most < MinPoints
                ? $"At most {most} pairs of monthly changes line up; at least {MinPoints} are needed at some lag."
                : "The monthly changes of one series do not vary, so no correlation can be computed.";
            return new HypothesisCheckResult(HypothesisVerdict.NotEnoughData, lags, null, expected, why);
        }

        // Ties keep the shorter lag: MinBy returns the first minimum in lag order.
        var best = lags.Where(l => l.P is not null).MinBy(l => l.P!.Value)!;
        var p = best.AdjustedP!.Value < 0.001 ? "p < 0.001" : Invariant($"p = {best.AdjustedP:0.###}");
        var numbers = Invariant($"r = {best.R:0.00} at lag {best.Lag}, n = {best.Points}, {p} after correcting for {tried} lag(s)");
        var (verdict, explanation) = (best.AdjustedP < Alpha, best.DirectedR > 0) switch
        {
            (true, true) => (HypothesisVerdict.Supported,
                $"The outcome's changes follow the driver's {best.Lag} month(s) later in the expected direction ({numbers})."),
            (true, false) => (HypothesisVerdict.Contradicted,
                $"The outcome's changes move against the expected direction ({numbers})."),
            _ => (HypothesisVerdict.NotYetSupported,
                Invariant($"No lag is significant at {Alpha:0.00} after the correction (strongest: {numbers}); the data neither supports nor contradicts the link yet.")),
        };
        return new HypothesisCheckResult(verdict, lags, best.Lag, expected, explanation);
    }

    private static LagCorrelation Correlate(
        IReadOnlyDictionary<int, double> driver, IReadOnlyDictionary<int, double> outcome, int lag, int sign)
    {
        var pairs = driver
            .Where(d => outcome.ContainsKey(d.Key + lag))
            .OrderBy(d => d.Key)
            .Select(d => new ChangePair(new DateOnly(d.Key / 12, (d.Key % 12) + 1, 1), d.Value, outcome[d.Key + lag]))
            .ToList();
        var r = pairs.Count >= MinPoints ? PearsonCorrelation.Of(pairs.Select(p => (p.DriverChange, p.OutcomeChange)).ToList()) : null;
        var p = r is { } value ? CorrelationSignificance.TwoSidedP(value, pairs.Count) : (double?)null;
        return new LagCorrelation(lag, pairs.Count, r, r * sign, p, null, pairs);
    }
}
