namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Central tendency. Flag when rater sd / org sd &lt; 0.5, or when ≥ 80 % of the rater's overall
/// ratings fall in the middle category (see <see cref="RatingScale.IsMiddle"/>: the two central
/// categories on an even-sized scale). Requires n ≥ 5 like leniency (design): with fewer ratings
/// a small sd or a run of middle ratings is too likely by chance. The sd ratio compares with the baseline, so it
/// counts only with enough baseline ratings by other raters (see <see cref="RaterAnalysis.MinimumOtherRatings"/>);
/// the middle share needs no comparison.
/// </summary>
internal static class CentralTendencyCheck
{
    public const double MaximumSdRatio = 0.5;
    public const double MinimumMiddleShare = 0.8;
    public const int MinimumRatings = 5;

    public const string Method =
        "Central tendency: rater sd / baseline sd < 0.5 (with ≥ 10 baseline ratings by other raters), or ≥ 80 % of the "
        + "rater's ratings in the middle category (the two central categories on an even-sized scale); n ≥ 5 (design).";

    public static RaterFlag? Evaluate(RaterNumbers numbers)
    {
        if (numbers.N < MinimumRatings)
        {
            return null;
        }

        var criteria = new List<string>(2);
        if (numbers.ComparableWithOthers && numbers.SdRatio is double ratio && ratio < MaximumSdRatio)
        {
            criteria.Add("sdRatio");
        }

        if (numbers.MiddleShare >= MinimumMiddleShare)
        {
            criteria.Add("middleShare");
        }

        return criteria.Count == 0 ? null : new RaterFlag(BiasCodes.CentralTendency, Method, criteria, numbers);
    }
}
