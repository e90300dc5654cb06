using Scorecard.Platform;

namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>
/// Status bands over a 0..1 score: green at or above <see cref="Green"/>, amber at or above <see cref="Amber"/>,
/// else red; no score means no data. Configurable per KPI; <see cref="Default"/> is 0.90 / 0.70.
/// </summary>
internal sealed record StatusThresholds
{
    /// <summary>
    /// A score this close below a threshold counts as reaching it, so floating-point noise in
    /// (value − baseline)/(target − baseline) cannot turn an exact 90 % amber.
    /// </summary>
    public const double Tolerance = 1e-9;

    public static StatusThresholds Default { get; } = new(0.90, 0.70);

    public double Green { get; }
    public double Amber { get; }

    public StatusThresholds(double green, double amber)
    {
        FiniteNumber.Require(green, "green");
        FiniteNumber.Require(amber, "amber");
        if (amber > green)
        {
            throw new RuleViolationException("amber", $"The amber threshold ({amber}) cannot be above the green threshold ({green}).");
        }

        Green = green;
        Amber = amber;
    }

    public KpiStatus Classify(double? score)
    {
        if (score is not { } s)
        {
            return KpiStatus.NoData;
        }

        FiniteNumber.Require(s, "score");
        if (s >= Green - Tolerance)
        {
            return KpiStatus.Green;
        }

        return s >= Amber - Tolerance ? KpiStatus.Amber : KpiStatus.Red;
    }
}
