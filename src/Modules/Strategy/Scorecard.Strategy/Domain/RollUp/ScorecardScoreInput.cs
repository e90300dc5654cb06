namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>The tree a scorecard score is rolled up from: KPI scores (0..1, null = no data) with weights per level.</summary>
internal sealed record ScorecardScoreInput(Guid ScorecardId, IReadOnlyList<PerspectiveScoreInput> Perspectives);

internal sealed record PerspectiveScoreInput(Guid PerspectiveId, double Weight, IReadOnlyList<ObjectiveScoreInput> Objectives);

internal sealed record ObjectiveScoreInput(Guid ObjectiveId, double Weight, IReadOnlyList<WeightedScore> Kpis);
