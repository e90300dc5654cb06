namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// RatingPosition = (rating − min)/(max − min); MeanOutcome = mean of the outcomes clamped to [0, 1];
/// Gap = RatingPosition − MeanOutcome (positive: rating above the evidence); N = outcomes used.
/// </summary>
internal sealed record RatingEvidenceMismatchResult(
    double Rating,
    double RatingPosition,
    double? MeanOutcome,
    double? Gap,
    int N,
    bool Flagged,
    FindingSeverity Severity,
    string Method)
{
    public string? Code => Flagged ? BiasCodes.RatingEvidenceMismatch : null;
}
