using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>
/// 422: adding a parent would close a cycle. <see cref="CyclePath"/> runs from the child up
/// through the proposed parent and back to the child, e.g. [A, B, C, A].
/// </summary>
internal sealed class AlignmentCycleException(IReadOnlyList<Guid> cyclePath, string message)
    : ScorecardException(message)
{
    public IReadOnlyList<Guid> CyclePath { get; } = cyclePath;

    public override int StatusCode => 422;

    public override string Title => "The request breaks a rule.";
}
