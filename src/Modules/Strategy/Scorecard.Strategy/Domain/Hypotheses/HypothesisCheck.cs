using static System.FormattableString;

namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// Tests a strategy-map arrow: does the driver's series move before the outcome's? Both series are aligned by
/// month and correlated at lags 0–3 months (driver leading). Design thresholds, on r times the expected direction:
/// <list type="bullet">
/// <item>a lag counts only with at least <see cref="MinPoints"/> paired months; no such lag → not enough data;</item>
/// <item>the best lag is the one with the strongest |r| — the peak of the cross-correlation, where the relationship
/// actually is (a true two-month lead also shows up, weaker and of either sign, at the other lags);</item>
/// <item>at the best lag: r ≥ <see cref="SupportThreshold"/> supported, r ≤ <see cref="ContradictThreshold"/>
/// contradicted, anything between not yet supported.</item>
/// </list>
/// With six to twelve points |r| ≥ 0.5 is a prompt for the quarterly review, not statistical proof.
/// </summary>
internal static class HypothesisCheck
{
    public const int MaxLag = 3;
    public const int MinPoints = 6;
    public const double SupportThreshold = 0.5;
    public const double ContradictThreshold = -0.5;

    public static HypothesisCheckResult Check(
        IEnumerable<DatedValue> driver,
        IEnumerable<DatedValue> outcome,
        ExpectedDirection expected = ExpectedDirection.SameDirection)
    {
        var driverByMonth = MonthlySeries.ByMonth(driver, "driver");
        var outcomeByMonth = MonthlySeries.ByMonth(outcome, "outcome");
        var sign = (int)expected;

        var lags = Enumerable.Range(0, MaxLag + 1)
            .Select(lag => Correlate(driverByMonth, outcomeByMonth, lag, sign))
            .ToList();
        var computed = lags.Where(l => l.DirectedR is not null).ToList();
        if (computed.Count == 0)
        {
            var most = lags.Max(l => l.Points);
            var why = most < MinPoints
                ? $"At most {most} months pair up; at least {MinPoints} are needed at some lag."
                : "The series do not vary over the months they share, so no correlation can be computed.";
            return new HypothesisCheckResult(HypothesisVerdict.NotEnoughData, lags, null, null, expected, why);
        }

        // Ties keep the shorter lag: MaxBy returns the first maximum in lag order.
        var best = computed.MaxBy(l => Math.Abs(l.DirectedR!.Value))!;
        var r = best.DirectedR!.Value;
        var (verdict, explanation) = r switch
        {
            >= SupportThreshold => (HypothesisVerdict.Supported,
                Invariant($"The outcome follows the driver {best.Lag} month(s) later in the expected direction (r = {best.R:0.00}, n = {best.Points}).")),
            <= ContradictThreshold => (HypothesisVerdict.Contradicted,
                Invariant($"The outcome moves against the expected direction (r = {best.R:0.00} at lag {best.Lag}, n = {best.Points}).")),
            _ => (HypothesisVerdict.NotYetSupported,
                Invariant($"No lag reaches |r| ≥ {SupportThreshold:0.0} (strongest r = {best.R:0.00} at lag {best.Lag}); the data neither supports nor contradicts the link yet.")),
        };
        return new HypothesisCheckResult(verdict, lags, best.Lag, best.DirectedR, expected, explanation);
    }

    private static LagCorrelation Correlate(
        IReadOnlyDictionary<int, double> driver, IReadOnlyDictionary<int, double> outcome, int lag, int sign)
    {
        var pairs = driver
            .Where(d => outcome.ContainsKey(d.Key + lag))
            .OrderBy(d => d.Key)
            .Select(d => (X: d.Value, Y: outcome[d.Key + lag]))
            .ToList();
        var r = pairs.Count >= MinPoints ? PearsonCorrelation.Of(pairs) : null;
        return new LagCorrelation(lag, pairs.Count, r, r * sign);
    }
}
