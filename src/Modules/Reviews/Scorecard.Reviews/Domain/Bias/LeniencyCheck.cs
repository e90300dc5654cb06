namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Leniency / severity. d = rater mean − org mean; z = d / (sd_org / √n). Flag when |d| ≥ 0.5
/// scale points (Linacre's practical minimum), |z| ≥ 1.96 and n ≥ 5 (design), and only when the baseline holds at
/// least <see cref="RaterAnalysis.MinimumOtherRatings"/> ratings by other raters. Positive d is LENIENCY, negative d is SEVERITY.
/// </summary>
internal static class LeniencyCheck
{
    public const double MinimumDifference = 0.5;
    public const double MinimumAbsZ = 1.96;
    public const int MinimumRatings = 5;

    public const string Method =
        "Leniency/severity: d = rater mean − org mean, z = d / (org sd / √n) over all overall ratings "
        + "of the cycle by raters with n ≥ 5; flagged when |d| ≥ 0.5 scale points (Linacre), |z| ≥ 1.96, n ≥ 5 and ≥ 10 baseline "
        + "ratings by other raters (design). "
        + "Raters are compared with each other first (Scullen, Mount & Goff 2000).";

    public static (double D, double? Z) Measure(int n, double raterMean, double orgMean, double orgSd)
    {
        double d = raterMean - orgMean;
        double? z = orgSd > 0.0 && n > 0 ? d / (orgSd / Math.Sqrt(n)) : null;
        return (d, z);
    }

    public static RaterFlag? Evaluate(RaterNumbers numbers)
    {
        if (numbers.N < MinimumRatings || !numbers.ComparableWithOthers || numbers.Z is not double z)
        {
            return null;
        }

        if (Math.Abs(numbers.D) < MinimumDifference || Math.Abs(z) < MinimumAbsZ)
        {
            return null;
        }

        string code = numbers.D > 0 ? BiasCodes.Leniency : BiasCodes.Severity;
        return new RaterFlag(code, Method, ["d", "z"], numbers);
    }
}
