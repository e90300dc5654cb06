namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// N: evidence items inside the period; K: items in the last fraction Q of the period;
/// Share = K / N (0 when N = 0); PValue = P(X ≥ K | N, Q); OutsidePeriod: items dated outside the
/// period (ignored). Flagged means the RECENCY nudge applies.
/// </summary>
internal sealed record RecencyResult(
    int N,
    int K,
    double Share,
    double Q,
    double PValue,
    DateOnly WindowStart,
    int OutsidePeriod,
    bool Flagged,
    string Method)
{
    public string? Code => Flagged ? BiasCodes.Recency : null;
}
