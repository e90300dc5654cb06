namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Org-wide figures (over every overall rating of the cycle) and one profile per rater, ordered by
/// |D| descending, then rater id.
/// </summary>
internal sealed record RaterAnalysisReport(
    int OrgN,
    double OrgMean,
    double OrgSd,
    IReadOnlyList<RaterProfile> Raters);
