namespace Scorecard.Organization.Domain.Import;

/// <summary>Finds loops in a manager relation (person → manager), each loop once.</summary>
internal static class ReportingCycleDetector
{
    /// <summary>
    /// The loops reachable from <paramref name="starts"/>, in the order found; each loop starts at the node
    /// the walk reached first and follows the manager relation.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TNode>> FindCycles<TNode>(
        IEnumerable<TNode> starts, IReadOnlyDictionary<TNode, TNode> managerOf)
        where TNode : notnull
    {
        var cycles = new List<IReadOnlyList<TNode>>();
        var finished = new HashSet<TNode>();
        foreach (var start in starts)
        {
            var walk = new List<TNode>();
            var positionInWalk = new Dictionary<TNode, int>();
            var current = start;
            while (!finished.Contains(current))
            {
                if (positionInWalk.TryGetValue(current, out var loopStart))
                {
                    cycles.Add(walk.Skip(loopStart).ToList());
                    break;
                }
                positionInWalk.Add(current, walk.Count);
                walk.Add(current);
                if (!managerOf.TryGetValue(current, out var manager)) break;
                current = manager;
            }
            finished.UnionWith(walk);
        }
        return cycles;
    }
}
