namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Standard normal distribution through the complementary error function.
/// erfc uses the Chebyshev fit of Numerical Recipes (Press et al., "erfcc"): fractional error
/// below 1.2e-7 everywhere, which is far finer than any threshold we compare a p-value with.
/// </summary>
internal static class NormalDistribution
{
    private static readonly double Sqrt2 = Math.Sqrt(2.0);

    /// <summary>Complementary error function erfc(x) = 1 − erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentException("x must be a number.", nameof(x));
        }

        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    /// <summary>Φ(z) = P(Z ≤ z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Sqrt2);

    /// <summary>Two-sided p-value P(|Z| ≥ |z|) = erfc(|z| / √2).</summary>
    public static double TwoSidedPValue(double z) => Math.Min(1.0, Erfc(Math.Abs(z) / Sqrt2));
}
