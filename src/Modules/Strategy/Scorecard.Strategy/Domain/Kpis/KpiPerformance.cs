namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>
/// Performance on the KPI's min..max scale, always clamped to 0..1:
/// increase (value − min)/(max − min); decrease (max − value)/(max − min);
/// range 1 inside the band, falling linearly to 0 at min below the band and at max above it.
/// </summary>
internal static class KpiPerformance
{
    public static double Of(double value, PerformanceScale scale)
    {
        FiniteNumber.Require(value, "value");
        var raw = scale.Direction switch
        {
            KpiDirection.Increase => (value - scale.Min) / (scale.Max - scale.Min),
            KpiDirection.Decrease => (scale.Max - value) / (scale.Max - scale.Min),
            KpiDirection.Range => InBand(value, scale.Min, scale.BandLow!.Value, scale.BandHigh!.Value, scale.Max),
            _ => throw new ArgumentOutOfRangeException(nameof(scale), scale.Direction, "Unknown KPI direction."),
        };
        return Math.Clamp(raw, 0.0, 1.0);
    }

    private static double InBand(double value, double min, double low, double high, double max)
    {
        if (value < low)
        {
            // A band that starts at the scale minimum has no slope below it: anything lower is off the scale.
            return low == min ? 0.0 : (value - min) / (low - min);
        }

        if (value > high)
        {
            return high == max ? 0.0 : (max - value) / (max - high);
        }

        return 1.0;
    }
}
