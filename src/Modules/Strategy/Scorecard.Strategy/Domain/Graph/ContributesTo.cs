namespace Scorecard.Strategy.Domain.Graph;

/// <summary>
/// A cascade link: a child objective (department, team, or an individual goal) translates a parent objective,
/// possibly in another scorecard; <see cref="Weight"/> is how much the child counts among the parent's children.
/// </summary>
internal sealed record ContributesTo(Guid ChildObjectiveId, Guid ParentObjectiveId, double Weight = 1.0)
{
    public GraphEdge Edge => new(ChildObjectiveId, ParentObjectiveId);
}
