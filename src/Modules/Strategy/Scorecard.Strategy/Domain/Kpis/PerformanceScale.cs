using Scorecard.Platform;

namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>
/// The min..max scale a KPI's performance is read on, and for a <see cref="KpiDirection.Range"/> KPI its target
/// band. Only valid scales can be built: min &lt; max, and min ≤ bandLow ≤ bandHigh ≤ max.
/// </summary>
internal sealed record PerformanceScale
{
    public KpiDirection Direction { get; }
    public double Min { get; }
    public double Max { get; }
    public double? BandLow { get; }
    public double? BandHigh { get; }

    private PerformanceScale(KpiDirection direction, double min, double max, double? bandLow, double? bandHigh)
    {
        Direction = direction;
        Min = min;
        Max = max;
        BandLow = bandLow;
        BandHigh = bandHigh;
    }

    public static PerformanceScale HigherIsBetter(double min, double max) => Create(KpiDirection.Increase, min, max);

    public static PerformanceScale LowerIsBetter(double min, double max) => Create(KpiDirection.Decrease, min, max);

    public static PerformanceScale Band(double min, double bandLow, double bandHigh, double max) =>
        Create(KpiDirection.Range, min, max, bandLow, bandHigh);

    public static PerformanceScale Create(
        KpiDirection direction, double min, double max, double? bandLow = null, double? bandHigh = null)
    {
        FiniteNumber.Require(min, "min");
        FiniteNumber.Require(max, "max");
        FiniteNumber.Require(bandLow, "bandLow");
        FiniteNumber.Require(bandHigh, "bandHigh");
        if (!(min < max))
        {
            throw new RuleViolationException("max", $"The scale maximum ({max}) must be greater than its minimum ({min}).");
        }

        if (direction != KpiDirection.Range)
        {
            return new PerformanceScale(direction, min, max, null, null);
        }

        if (bandLow is not { } low || bandHigh is not { } high)
        {
            throw new RuleViolationException("bandLow", "A range KPI needs both ends of its target band.");
        }

        if (!(min <= low && low <= high && high <= max))
        {
            throw new RuleViolationException(
                "bandLow",
                $"The target band {low}..{high} must lie within the scale {min}..{max} with its low end first.");
        }

        return new PerformanceScale(direction, min, max, low, high);
    }
}
