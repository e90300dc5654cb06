namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>One child of a roll-up level: its weight relative to its siblings and its score (null = no data).</summary>
internal sealed record WeightedScore(Guid Id, double Weight, double? Score);
