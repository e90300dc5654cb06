namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// The numbers behind every rater flag.
/// <list type="bullet">
/// <item>N: ratings given; RateeCount: distinct ratees.</item>
/// <item>Mean, Sd: of the rater's overall ratings (sample sd, 0 when N &lt; 2).</item>
/// <item>D = rater mean − org mean; Z = D / (orgSd / √N), null when orgSd = 0.</item>
/// <item>SdRatio = rater sd / org sd, null when orgSd = 0.</item>
/// <item>MiddleShare: share of the rater's overall ratings in the middle category.</item>
/// <item>WithinRateeSd: mean over ratings (with ≥ 2 competency ratings) of the sd across competencies; null if none.</item>
/// <item>InterCompetencyR: mean Pearson r over competency pairs across the rater's ratees, undefined pairs skipped; null if none.</item>
/// <item>DInterval, SdRatioInterval, MiddleShareInterval: 95 % confidence intervals (<see cref="RaterIntervals"/>).</item>
/// <item>InBaseline: whether the rater's ratings form part of the baseline (n ≥ the minimum);
/// OtherBaselineRatings: how many baseline ratings other raters gave.</item>
/// </list>
/// </summary>
internal sealed record RaterNumbers(
    int N,
    int RateeCount,
    double Mean,
    double Sd,
    double D,
    double? Z,
    double? SdRatio,
    double MiddleShare,
    double? WithinRateeSd,
    double? InterCompetencyR)
{
    public (double Low, double High)? DInterval { get; init; }

    public (double Low, double High)? SdRatioInterval { get; init; }

    public (double Low, double High) MiddleShareInterval { get; init; } = (0, 1);

    public bool InBaseline { get; init; }

    /// <summary>How many baseline ratings come from other raters: the comparison needs enough of them (<see cref="RaterAnalysis.MinimumOtherRatings"/>).</summary>
    public int OtherBaselineRatings { get; init; }

    public bool ComparableWithOthers => OtherBaselineRatings >= RaterAnalysis.MinimumOtherRatings;
}
