using Scorecard.Platform;

namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>
/// Progress from baseline to target, (value − baseline) / (target − baseline). A decreasing KPI simply has
/// baseline &gt; target. <see cref="Unclamped"/> is what a page shows (it can exceed 100 % or go negative);
/// <see cref="Clamped"/> is what roll-ups and status bands use, so one runaway KPI cannot swamp its siblings.
/// </summary>
internal sealed record KpiProgress(double Unclamped)
{
    public double Clamped => Math.Clamp(Unclamped, 0.0, 1.0);

    public static KpiProgress Of(double value, double baseline, double target)
    {
        FiniteNumber.Require(value, "value");
        FiniteNumber.Require(baseline, "baseline");
        FiniteNumber.Require(target, "target");
        if (target == baseline)
        {
            throw new RuleViolationException(
                "target",
                $"The target ({target}) equals the baseline: progress from baseline to target is undefined. Set a target that differs from the baseline.");
        }

        var progress = (value - baseline) / (target - baseline);
        return new KpiProgress(FiniteNumber.Require(progress, "progress"));
    }
}
