using MathNet.Numerics.Distributions;

namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// 95 % confidence intervals for the rater numbers, so a flag shows how sure it is:
/// <list type="bullet">
/// <item>d: d ± 1.96 · baseline sd / √n — the same standard error as z, so the interval excludes 0 exactly when |z| ≥ 1.96;</item>
/// <item>sd ratio: from the F distribution of the variance ratio, √(ratio² / F(0.975; n − 1, N − 1)) to
/// √(ratio² / F(0.025; n − 1, N − 1)) (approximate: the baseline includes the rater's own ratings);</item>
/// <item>middle share: Wilson score interval.</item>
/// </list>
/// </summary>
internal static class RaterIntervals
{
    public const double Z95 = 1.959963984540054;

    // F quantiles depend only on the degrees of freedom; a cycle has few distinct (n, N) pairs.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int), (double Lower, double Upper)> Quantiles = new();

    public static (double Low, double High)? MeanDifference(double d, int n, double baselineSd) =>
        n > 0 && baselineSd > 0 ? (d - (Z95 * baselineSd / Math.Sqrt(n)), d + (Z95 * baselineSd / Math.Sqrt(n))) : null;

    public static (double Low, double High)? SdRatio(double? ratio, int n, int baselineN)
    {
        if (ratio is not { } r || n < 2 || baselineN < 2)
        {
            return null;
        }

        var (lowerF, upperF) = Quantiles.GetOrAdd((n - 1, baselineN - 1), static d =>
            (FisherSnedecor.InvCDF(d.Item1, d.Item2, 0.025), FisherSnedecor.InvCDF(d.Item1, d.Item2, 0.975)));
        return (Math.Sqrt(r * r / upperF), Math.Sqrt(r * r / lowerF));
    }

    public static (double Low, double High) Wilson(double share, int n)
    {
        if (n <= 0)
        {
            return (0, 1);
        }

        var z2 = Z95 * Z95;
        var centre = (share + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z95 * Math.Sqrt((share * (1 - share) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
