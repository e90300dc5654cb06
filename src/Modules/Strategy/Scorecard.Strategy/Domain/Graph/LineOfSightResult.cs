namespace Scorecard.Strategy.Domain.Graph;

/// <summary>
/// The unbroken contributes-to paths from one objective up to company objectives, each listed from the objective
/// itself to the company objective. No path is a broken cascade. <see cref="Truncated"/> says the path cap was hit.
/// </summary>
internal sealed record LineOfSightResult(Guid ObjectiveId, IReadOnlyList<IReadOnlyList<Guid>> Paths, bool Truncated)
{
    public bool IsBroken => Paths.Count == 0;
}
