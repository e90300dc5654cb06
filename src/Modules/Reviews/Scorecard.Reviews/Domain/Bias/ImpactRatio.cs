namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Impact ratio = group selection rate / highest group selection rate (29 CFR 1607.4(D)). The
/// reference is the highest rate among the groups that are reported (not suppressed), so that a
/// suppressed group's rate cannot be read back out of the others' ratios (design). Undefined (null)
/// when the highest rate is 0.
/// </summary>
internal static class ImpactRatio
{
    public const double FourFifths = 0.8;

    public static double? Compute(double rate, double highestRate) =>
        highestRate > 0.0 ? rate / highestRate : null;
}
