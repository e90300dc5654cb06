namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// The verdict with every number behind it. <see cref="BestLag"/> is the lag with the strongest |r|, which decided
/// the verdict; it and <see cref="BestDirectedR"/> are null when no lag could be computed.
/// </summary>
internal sealed record HypothesisCheckResult(
    HypothesisVerdict Verdict,
    IReadOnlyList<LagCorrelation> Lags,
    int? BestLag,
    double? BestDirectedR,
    ExpectedDirection Expected,
    string Explanation);
