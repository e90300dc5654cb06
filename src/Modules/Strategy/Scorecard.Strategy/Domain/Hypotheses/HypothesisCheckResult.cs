namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// The verdict with every number behind it. <see cref="BestLag"/> is the lag with the smallest p-value, which
/// decided the verdict; it and <see cref="Best"/> are null when no lag could be computed.
/// </summary>
internal sealed record HypothesisCheckResult(
    HypothesisVerdict Verdict,
    IReadOnlyList<LagCorrelation> Lags,
    int? BestLag,
    ExpectedDirection Expected,
    string Explanation)
{
    public LagCorrelation? Best => BestLag is { } lag ? Lags[lag] : null;

    public double? BestDirectedR => Best?.DirectedR;
}
