using Scorecard.Platform;

namespace Scorecard.Strategy.Domain.Kpis;

internal static class KpiScoring
{
    /// <summary>
    /// Scores a reading. The roll-up score is the clamped progress toward target; a range KPI has no single
    /// target, so its band performance is used instead, as is performance when no baseline/target is set.
    /// </summary>
    public static KpiScore Score(KpiDefinition kpi, double? value)
    {
        if (value is not { } v)
        {
            return new KpiScore(null, null, null, null, KpiStatus.NoData);
        }

        KpiProgress? progress;
        double? performance;
        try
        {
            FiniteNumber.Require(v, "value");
            progress = kpi is { Baseline: { } baseline, Target: { } target } ? KpiProgress.Of(v, baseline, target) : null;
            performance = kpi.Scale is { } scale ? KpiPerformance.Of(v, scale) : null;
        }
        catch (BadInputException)
        {
            // A stored number no calculation can use (written before today's ranges were enforced): this KPI
            // shows "no data" instead of making every page that rolls it up fail.
            return new KpiScore(null, null, null, null, KpiStatus.NoData);
        }
        var rollUp = kpi.Scale?.Direction == KpiDirection.Range
            ? performance
            : progress?.Clamped ?? performance;
        var thresholds = kpi.Thresholds ?? StatusThresholds.Default;
        return new KpiScore(v, progress, performance, rollUp, thresholds.Classify(rollUp));
    }
}
