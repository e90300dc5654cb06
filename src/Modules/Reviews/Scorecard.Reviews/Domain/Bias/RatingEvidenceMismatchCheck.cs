namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Rating vs evidence: the overall rating's position on the scale against the mean of the person's
/// goal/KPI outcomes (OKR progress, KPI performance as fractions 0–1). Outcomes above 1
/// (over-achievement) count as 1 and below 0 as 0, because the top of the scale is the ceiling
/// (design). Flag RATING_EVIDENCE_MISMATCH when |position − mean outcome| &gt; 0.4 with ≥ 2 outcomes
/// (design: 0.4 of the scale is more than one and a half categories on 1–5).
/// </summary>
internal static class RatingEvidenceMismatchCheck
{
    public const double MaximumGap = 0.4;
    public const int MinimumOutcomes = 2;

    public const string Method =
        "Rating vs evidence: |(rating − min)/(max − min) − mean goal/KPI outcome (each clamped to 0–1)| "
        + "> 0.4 with ≥ 2 outcomes (design).";

    public static RatingEvidenceMismatchResult Check(double rating, RatingScale scale, IEnumerable<double> outcomes)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(outcomes);
        scale.EnsureContains(rating, nameof(rating));

        int n = 0;
        double sum = 0.0;
        foreach (double outcome in outcomes)
        {
            if (!double.IsFinite(outcome))
            {
                throw new ArgumentException("Outcomes must be finite numbers.", nameof(outcomes));
            }

            sum += Math.Clamp(outcome, 0.0, 1.0);
            n++;
        }

        double position = scale.Position(rating);
        double? mean = n > 0 ? sum / n : null;
        double? gap = position - mean;
        bool flagged = n >= MinimumOutcomes && Math.Abs(gap!.Value) > MaximumGap;
        return new RatingEvidenceMismatchResult(rating, position, mean, gap, n, flagged, FindingSeverity.Warning, Method);
    }
}
