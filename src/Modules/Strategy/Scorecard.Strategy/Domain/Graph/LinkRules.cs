namespace Scorecard.Strategy.Domain.Graph;

/// <summary>
/// Rules for adding a link to a graph that must stay acyclic (strategy-map arrows, contributes-to cascades):
/// no self-link, no duplicate, and nothing that would close a cycle.
/// </summary>
internal static class LinkRules
{
    public static LinkCheck CheckNewLink(IEnumerable<StrategyMapLink> existing, StrategyMapLink candidate) =>
        CheckNewEdge(existing.Select(l => l.Edge), candidate.Edge);

    public static LinkCheck CheckNewLink(IEnumerable<ContributesTo> existing, ContributesTo candidate) =>
        CheckNewEdge(existing.Select(l => l.Edge), candidate.Edge);

    public static LinkCheck CheckNewEdge(IEnumerable<GraphEdge> existing, GraphEdge candidate)
    {
        if (candidate.From == candidate.To)
        {
            return new LinkCheck(LinkRule.SelfLink, [], "An objective cannot be linked to itself.");
        }

        var edges = existing.ToList();
        if (edges.Contains(candidate))
        {
            return new LinkCheck(LinkRule.Duplicate, [], "These two objectives are already linked this way.");
        }

        // The new edge From → To closes a cycle exactly when To already reaches From.
        var path = ShortestPath(edges, candidate.To, candidate.From);
        if (path is null)
        {
            return LinkCheck.Accepted;
        }

        IReadOnlyList<Guid> cycle = [candidate.From, .. path];
        return new LinkCheck(
            LinkRule.Cycle,
            cycle,
            $"The link would close a cycle: {string.Join(" → ", cycle)}.");
    }

    private static List<Guid>? ShortestPath(IReadOnlyList<GraphEdge> edges, Guid from, Guid to)
    {
        var next = edges.ToLookup(e => e.From, e => e.To);
        var cameFrom = new Dictionary<Guid, Guid> { [from] = from };
        var queue = new Queue<Guid>([from]);
        while (queue.TryDequeue(out var node))
        {
            if (node == to)
            {
                var path = new List<Guid> { node };
                while (path[^1] != from)
                {
                    path.Add(cameFrom[path[^1]]);
                }

                path.Reverse();
                return path;
            }

            foreach (var neighbour in next[node])
            {
                if (cameFrom.TryAdd(neighbour, node))
                {
                    queue.Enqueue(neighbour);
                }
            }
        }

        return null;
    }
}
