namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// One rating in a cycle: who rated whom, the overall rating and the per-competency ratings
/// (competency key → rating on the same scale). Competencies may be empty.
/// </summary>
internal sealed record RatingRecord(
    Guid RaterId,
    Guid RateeId,
    double Overall,
    IReadOnlyDictionary<string, double> Competencies);
