namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// The driver's change in month m against the outcome's change in month m + <see cref="Lag"/>: how many pairs of
/// changes there are, Pearson r as measured, r multiplied by the expected direction (positive = the hypothesis'
/// way), the two-sided p-value of r and that p-value corrected for the number of lags tried (Bonferroni). The
/// statistics are null with fewer than the minimum pairs, or when either side's changes do not vary.
/// </summary>
internal sealed record LagCorrelation(
    int Lag,
    int Points,
    double? R,
    double? DirectedR,
    double? P,
    double? AdjustedP,
    IReadOnlyList<ChangePair> Pairs);

/// <summary>One point of the scatter: the driver's monthly change and the outcome's change <c>lag</c> months later.</summary>
internal sealed record ChangePair(DateOnly DriverMonth, double DriverChange, double OutcomeChange);
