namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Pooled two-proportion z-test: p̂ = (x1 + x2)/(n1 + n2), se = √(p̂(1 − p̂)(1/n1 + 1/n2)),
/// z = (x1/n1 − x2/n2)/se, two-sided p = erfc(|z|/√2). When se = 0 (nobody or everybody selected)
/// the proportions are identical, so z = 0 and p = 1.
/// </summary>
internal static class TwoProportionZTest
{
    public const string Name = "z";

    public static (double Z, double PValue) Run(int selected1, int n1, int selected2, int n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n1), "Both samples must be non-empty.");
        }

        if (selected1 < 0 || selected1 > n1 || selected2 < 0 || selected2 > n2)
        {
            throw new ArgumentOutOfRangeException(nameof(selected1), "Selected counts must lie in 0..n.");
        }

        double p1 = (double)selected1 / n1;
        double p2 = (double)selected2 / n2;
        double pooled = (double)(selected1 + selected2) / (n1 + n2);
        double se = Math.Sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0.0)
        {
            return (0.0, 1.0);
        }

        double z = (p1 - p2) / se;
        return (z, NormalDistribution.TwoSidedPValue(z));
    }
}
