using Scorecard.Platform;

namespace Scorecard.Strategy.Domain.Graph;

/// <summary>
/// Whether a new link may be added. For a cycle, <see cref="CyclePath"/> walks it from the new link's source back
/// to itself, e.g. [C, A, B, C] when adding C → A to A → B → C; otherwise it is empty.
/// </summary>
internal sealed record LinkCheck(LinkRule? BrokenRule, IReadOnlyList<Guid> CyclePath, string Message)
{
    public bool IsAccepted => BrokenRule is null;

    public static LinkCheck Accepted { get; } = new(null, [], "The link can be added.");

    /// <summary>For a use case: throws the rule violation (422) when the link is rejected.</summary>
    public void EnsureAccepted()
    {
        if (BrokenRule is { } rule)
        {
            throw new RuleViolationException(rule.ToString(), Message);
        }
    }
}
