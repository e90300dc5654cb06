namespace Scorecard.Strategy.Domain.Graph;

/// <summary>The rule a new link would break.</summary>
internal enum LinkRule
{
    SelfLink,
    Duplicate,
    Cycle,
}
