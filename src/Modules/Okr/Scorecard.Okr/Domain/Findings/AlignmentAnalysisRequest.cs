namespace Scorecard.Okr.Domain;

/// <summary>
/// What to analyse: the objectives in <see cref="ObjectiveIds"/> (archived ones are skipped), in the
/// context of the whole <see cref="Graph"/>. <see cref="PerspectiveWeights"/> (perspective → weight)
/// enables PORTFOLIO_SKEW; without it that check is not run. <see cref="RollUps"/> (objective → where its
/// progress comes from) enables ACHIEVED_AHEAD_OF_CHILDREN.
/// </summary>
internal sealed record AlignmentAnalysisRequest(
    AlignmentGraph Graph,
    IReadOnlyCollection<Guid> ObjectiveIds,
    IReadOnlyDictionary<string, double>? PerspectiveWeights = null,
    IReadOnlyDictionary<Guid, RollUpExplanation>? RollUps = null);
