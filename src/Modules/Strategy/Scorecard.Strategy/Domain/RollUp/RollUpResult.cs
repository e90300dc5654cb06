namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>
/// A level's score and which children made it: <see cref="Counted"/> children entered the average,
/// <see cref="SkippedNoData"/> had no score, <see cref="SkippedZeroWeight"/> had data but weight 0.
/// <see cref="EqualWeightsUsed"/> says no child of the level was weighted, so all counted equally.
/// A null <see cref="Score"/> means no data for the level.
/// </summary>
internal sealed record RollUpResult(
    double? Score,
    IReadOnlyList<Guid> Counted,
    IReadOnlyList<Guid> SkippedNoData,
    IReadOnlyList<Guid> SkippedZeroWeight,
    bool EqualWeightsUsed);
