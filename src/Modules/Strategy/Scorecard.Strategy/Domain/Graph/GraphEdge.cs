namespace Scorecard.Strategy.Domain.Graph;

/// <summary>A directed edge between two objectives, whatever the link kind.</summary>
internal readonly record struct GraphEdge(Guid From, Guid To);
