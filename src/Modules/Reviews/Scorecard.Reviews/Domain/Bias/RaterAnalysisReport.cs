namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// The baseline every rater is compared with — the overall ratings of the raters who gave at least the minimum
/// number (see <see cref="RaterAnalysis"/>) — and one profile per rater, ordered by |D| descending, then rater id.
/// <see cref="ExcludedRatings"/> ratings from <see cref="ExcludedRaters"/> raters below the minimum are not in it.
/// </summary>
internal sealed record RaterAnalysisReport(
    int OrgN,
    double OrgMean,
    double OrgSd,
    IReadOnlyList<RaterProfile> Raters)
{
    public int ExcludedRaters { get; init; }

    public int ExcludedRatings { get; init; }
}
