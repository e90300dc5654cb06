namespace Scorecard.Strategy.Domain.Graph;

/// <summary>
/// Line of sight over contributes-to links: an unbroken path from any objective (or goal) up to an objective of
/// the company (root) scorecard. A company objective has line of sight by itself (a one-element path).
/// </summary>
internal static class LineOfSight
{
    public const int DefaultMaxPaths = 50;

    public static LineOfSightResult Trace(
        Guid objectiveId,
        IEnumerable<ContributesTo> contributions,
        IReadOnlySet<Guid> companyObjectiveIds,
        int maxPaths = DefaultMaxPaths)
    {
        var links = contributions.ToList();
        var reaching = ObjectivesWithPath(links, companyObjectiveIds);
        var parents = links.ToLookup(c => c.ChildObjectiveId, c => c.ParentObjectiveId);
        var paths = new List<IReadOnlyList<Guid>>();
        var truncated = false;
        var current = new List<Guid>();

        void Walk(Guid node)
        {
            if (truncated || !reaching.Contains(node) || current.Contains(node))
            {
                return;
            }

            current.Add(node);
            if (companyObjectiveIds.Contains(node))
            {
                if (paths.Count == maxPaths)
                {
                    truncated = true;
                }
                else
                {
                    paths.Add(current.ToList());
                }
            }
            else
            {
                foreach (var parent in parents[node].Distinct())
                {
                    Walk(parent);
                }
            }

            current.RemoveAt(current.Count - 1);
        }

        Walk(objectiveId);
        return new LineOfSightResult(objectiveId, paths, truncated);
    }

    /// <summary>Every objective with at least one path to a company objective (company objectives included).</summary>
    public static IReadOnlySet<Guid> ObjectivesWithPath(
        IEnumerable<ContributesTo> contributions, IReadOnlySet<Guid> companyObjectiveIds)
    {
        var children = contributions.ToLookup(c => c.ParentObjectiveId, c => c.ChildObjectiveId);
        var reached = new HashSet<Guid>(companyObjectiveIds);
        var queue = new Queue<Guid>(companyObjectiveIds);
        while (queue.TryDequeue(out var node))
        {
            foreach (var child in children[node])
            {
                if (reached.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return reached;
    }
}
