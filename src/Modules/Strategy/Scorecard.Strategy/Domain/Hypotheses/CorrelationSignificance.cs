using MathNet.Numerics.Distributions;

namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// The usual test of a Pearson correlation against zero: t = r·√((n − 2) / (1 − r²)) has Student's t distribution
/// with n − 2 degrees of freedom when the pairs are independent and there is no relationship.
/// </summary>
internal static class CorrelationSignificance
{
    /// <summary>Two-sided p-value of r from <paramref name="n"/> pairs (n ≥ 3).</summary>
    public static double TwoSidedP(double r, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        var r2 = r * r;
        if (r2 >= 1)
        {
            return 0;
        }

        var degrees = n - 2;
        var t = Math.Abs(r) * Math.Sqrt(degrees / (1 - r2));
        return Math.Clamp(2 * (1 - StudentT.CDF(0, 1, degrees, t)), 0, 1);
    }

    /// <summary>Bonferroni: a p-value from one of <paramref name="tests"/> tries, multiplied by the tries, at most 1.</summary>
    public static double Bonferroni(double p, int tests) => Math.Min(1, p * Math.Max(1, tests));
}
