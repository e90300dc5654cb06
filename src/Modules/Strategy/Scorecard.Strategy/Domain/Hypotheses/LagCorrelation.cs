namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>
/// Driver in month m against outcome in month m + <see cref="Lag"/>: how many months paired up, Pearson r as
/// measured, and r multiplied by the expected direction (positive = the hypothesis' way). Both r are null with
/// fewer than the minimum pairs, or when either side does not vary.
/// </summary>
internal sealed record LagCorrelation(int Lag, int Points, double? R, double? DirectedR);
