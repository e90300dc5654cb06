using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>
/// OKR objectives, the scorecard objectives they may support, and the "supports" links between them.
/// Rules:
/// <list type="bullet">
/// <item>A link that would close a cycle among OKR objectives is rejected with the cycle path.</item>
/// <item>A link is broken when its parent is missing, archived, or (for an OKR parent) its period does
/// not contain the child's period: a 2026-Q4 goal may support a 2026 or 2026-H2 objective, not a 2026-Q3 one.</item>
/// <item>Aligned ⇔ an unbroken chain of links reaches a company-level OKR objective or any scorecard
/// objective ("line of sight"). Company-level objectives are roots and aligned by definition.
/// Broken links carry no alignment.</item>
/// </list>
/// </summary>
internal sealed class AlignmentGraph
{
    private readonly Dictionary<Guid, ObjectiveNode> _objectives = [];
    private readonly Dictionary<Guid, ScorecardObjectiveNode> _scorecardObjectives = [];
    private readonly Dictionary<Guid, List<AlignmentLink>> _parents = [];

    // Index of _parents by parent, and each child's position in _parents, so that ChildrenOf is not a scan of every link.
    private readonly Dictionary<ParentRef, List<AlignmentLink>> _children = [];
    private readonly Dictionary<Guid, int> _childOrder = [];

    // Senior, current objectives by (level, period) of the objective looking for parents; rebuilt when objectives are added.
    private readonly Dictionary<(OkrLevel, OkrPeriod), List<ObjectiveNode>> _candidatePools = [];

    public IEnumerable<ObjectiveNode> Objectives => _objectives.Values;

    public IEnumerable<ScorecardObjectiveNode> ScorecardObjectives => _scorecardObjectives.Values;

    public void AddObjective(ObjectiveNode objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        _candidatePools.Clear();
        if (!_objectives.TryAdd(objective.Id, objective))
        {
            throw new RuleViolationException("objectiveId", $"Objective {objective.Id} is already in the graph.");
        }
    }

    public void AddScorecardObjective(ScorecardObjectiveNode objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!_scorecardObjectives.TryAdd(objective.Id, objective))
        {
            throw new RuleViolationException("scorecardObjectiveId", $"Scorecard objective {objective.Id} is already in the graph.");
        }
    }

    public ObjectiveNode? FindObjective(Guid id) => _objectives.GetValueOrDefault(id);

    public ScorecardObjectiveNode? FindScorecardObjective(Guid id) => _scorecardObjectives.GetValueOrDefault(id);

    /// <summary>
    /// Makes <paramref name="childId"/> support <paramref name="parent"/>. The parent may be unknown
    /// to the graph (it is then reported as a broken link), which lets stored data be loaded as is.
    /// Throws <see cref="AlignmentCycleException"/> when the link would close a cycle.
    /// </summary>
    public AlignmentLink AddParent(Guid childId, ParentRef parent, double weight = 1.0)
    {
        if (!TryAddParent(childId, parent, weight, out var link, out var cycle))
        {
            throw new AlignmentCycleException(cycle, $"'{Describe(childId)}' cannot support '{Describe(parent.Id)}': that would close the cycle {string.Join(" → ", cycle.Select(id => $"'{Describe(id)}'"))}.");
        }

        return link;
    }

    public bool TryAddParent(
        Guid childId,
        ParentRef parent,
        double weight,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AlignmentLink? link,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IReadOnlyList<Guid>? cyclePath)
    {
        if (!_objectives.ContainsKey(childId))
        {
            throw new NotFoundException("Objective", childId);
        }

        if (!double.IsFinite(weight) || weight <= 0.0)
        {
            throw new BadInputException("weight", $"An alignment weight must be a finite number greater than 0, not {weight}.");
        }

        if (!_parents.TryGetValue(childId, out var links))
        {
            _parents[childId] = links = [];
            _childOrder[childId] = _childOrder.Count;
        }
        if (links.Any(l => l.Parent == parent))
        {
            throw new RuleViolationException("parentId", $"'{Describe(childId)}' already supports '{Describe(parent.Id)}'.");
        }

        cyclePath = parent.Kind == ParentKind.OkrObjective ? FindCycleIfAdded(childId, parent.Id) : null;
        if (cyclePath is not null)
        {
            link = null;
            return false;
        }

        link = new AlignmentLink(childId, parent, weight);
        links.Add(link);
        (_children.TryGetValue(parent, out var siblings) ? siblings : _children[parent] = []).Add(link);
        cyclePath = null;
        return true;
    }

    public bool RemoveParent(Guid childId, ParentRef parent)
    {
        if (_children.TryGetValue(parent, out var siblings)) siblings.RemoveAll(l => l.ChildId == childId);
        return _parents.TryGetValue(childId, out var links) && links.RemoveAll(l => l.Parent == parent) > 0;
    }

    public IReadOnlyList<AlignmentLink> ParentsOf(Guid childId) =>
        _parents.TryGetValue(childId, out var links) ? links : [];

    /// <summary>The links to <paramref name="parent"/>, in the order the children were first linked to anything.</summary>
    public IReadOnlyList<AlignmentLink> ChildrenOf(ParentRef parent) =>
        _children.TryGetValue(parent, out var links) ? [.. links.OrderBy(l => _childOrder[l.ChildId])] : [];

    /// <summary>
    /// The cycle that linking <paramref name="childId"/> → <paramref name="parentId"/> would close, as
    /// [child, parent, …, child], or null. All existing links count, broken or not: a cycle is a
    /// structural error whatever the state of its members.
    /// </summary>
    public IReadOnlyList<Guid>? FindCycleIfAdded(Guid childId, Guid parentId)
    {
        if (childId == parentId)
        {
            return [childId, childId];
        }

        // Depth-first walk upwards from the proposed parent; reaching the child closes the cycle.
        var previous = new Dictionary<Guid, Guid> { [parentId] = childId };
        var stack = new Stack<Guid>();
        stack.Push(parentId);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var link in ParentsOf(current).Where(l => l.Parent.Kind == ParentKind.OkrObjective))
            {
                var next = link.Parent.Id;
                if (next == childId)
                {
                    // Walk back from the current node to the proposed parent, then close the loop.
                    var upwards = new List<Guid>();
                    for (var node = current; ; node = previous[node])
                    {
                        upwards.Add(node);
                        if (node == parentId)
                        {
                            break;
                        }
                    }

                    upwards.Reverse();
                    return [childId, .. upwards, childId];
                }

                if (previous.TryAdd(next, current))
                {
                    stack.Push(next);
                }
            }
        }

        return null;
    }

    /// <summary>Whether the link still carries alignment, and why not.</summary>
    public BrokenLink? CheckLink(AlignmentLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Parent.Kind == ParentKind.ScorecardObjective)
        {
            var scorecardParent = FindScorecardObjective(link.Parent.Id);
            return scorecardParent is null
                ? new BrokenLink(link, BrokenLinkReason.MissingParent, "The scorecard objective it supports no longer exists.")
                : scorecardParent.IsArchived
                    ? new BrokenLink(link, BrokenLinkReason.ParentArchived, $"The scorecard objective '{scorecardParent.Title}' is archived.")
                    : null;
        }

        var parent = FindObjective(link.Parent.Id);
        if (parent is null)
        {
            return new BrokenLink(link, BrokenLinkReason.MissingParent, "The objective it supports no longer exists.");
        }

        if (parent.IsArchived)
        {
            return new BrokenLink(link, BrokenLinkReason.ParentArchived, $"The objective '{parent.Title}' is archived.");
        }

        var child = _objectives[link.ChildId];
        return parent.Period.Contains(child.Period)
            ? null
            : new BrokenLink(link, BrokenLinkReason.PeriodMismatch, $"The objective '{parent.Title}' belongs to {parent.Period.Code}, which does not cover {child.Period.Code}.");
    }

    public IReadOnlyList<BrokenLink> BrokenParentsOf(Guid childId) =>
        [.. ParentsOf(childId).Select(CheckLink).OfType<BrokenLink>()];

    public bool IsAligned(Guid objectiveId) => LineOfSight(objectiveId) is not null;

    /// <summary>
    /// The shortest unbroken chain from the objective up to a company-level OKR objective or a
    /// scorecard objective, starting with the objective itself; null when there is none.
    /// </summary>
    public IReadOnlyList<ParentRef>? LineOfSight(Guid objectiveId)
    {
        var start = FindObjective(objectiveId) ?? throw new NotFoundException("Objective", objectiveId);
        var self = ParentRef.Okr(start.Id);
        if (start.Level == OkrLevel.Company)
        {
            return [self];
        }

        var previous = new Dictionary<ParentRef, ParentRef> { [self] = self };
        var queue = new Queue<ParentRef>();
        queue.Enqueue(self);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var link in ParentsOf(current.Id))
            {
                if (CheckLink(link) is not null || !previous.TryAdd(link.Parent, current))
                {
                    continue;
                }

                var isRoot = link.Parent.Kind == ParentKind.ScorecardObjective
                    || _objectives[link.Parent.Id].Level == OkrLevel.Company;
                if (isRoot)
                {
                    var path = new List<ParentRef> { link.Parent };
                    for (var node = current; node != self; node = previous[node])
                    {
                        path.Add(node);
                    }

                    path.Add(self);
                    path.Reverse();
                    return path;
                }

                queue.Enqueue(link.Parent);
            }
        }

        return null;
    }

    /// <summary>The scorecard perspectives an objective reaches through unbroken links (for portfolio checks).</summary>
    public IReadOnlySet<string> PerspectivesReached(Guid objectiveId)
    {
        var perspectives = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<Guid> { objectiveId };
        var queue = new Queue<Guid>();
        queue.Enqueue(objectiveId);
        while (queue.Count > 0)
        {
            foreach (var link in ParentsOf(queue.Dequeue()).Where(l => CheckLink(l) is null))
            {
                if (link.Parent.Kind == ParentKind.ScorecardObjective)
                {
                    perspectives.Add(_scorecardObjectives[link.Parent.Id].Perspective);
                }
                else if (seen.Add(link.Parent.Id))
                {
                    queue.Enqueue(link.Parent.Id);
                }
            }
        }

        return perspectives;
    }

    /// <summary>All objectives below <paramref name="objectiveId"/> (any depth, any link state).</summary>
    public IReadOnlySet<Guid> DescendantsOf(Guid objectiveId)
    {
        var result = new HashSet<Guid>();
        var stack = new Stack<Guid>();
        stack.Push(objectiveId);
        while (stack.Count > 0)
        {
            if (!_children.TryGetValue(ParentRef.Okr(stack.Pop()), out var links)) continue;
            foreach (var link in links)
            {
                if (result.Add(link.ChildId))
                {
                    stack.Push(link.ChildId);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Parents an objective could sensibly support: non-archived OKR objectives of a more senior level
    /// whose period contains the objective's period (never itself or one of its descendants, which
    /// would close a cycle), and every non-archived scorecard objective.
    /// </summary>
    public IReadOnlyList<ParentCandidate> CandidateParentsFor(Guid objectiveId)
    {
        var objective = FindObjective(objectiveId) ?? throw new NotFoundException("Objective", objectiveId);
        var descendants = DescendantsOf(objectiveId);
        var key = (objective.Level, objective.Period);
        if (!_candidatePools.TryGetValue(key, out var pool))
            _candidatePools[key] = pool = [.. _objectives.Values.Where(o => !o.IsArchived && o.Level < objective.Level && o.Period.Contains(objective.Period))];
        var okrCandidates = pool
            .Where(o => o.Id != objectiveId && !descendants.Contains(o.Id))
            .Select(o => new ParentCandidate(ParentRef.Okr(o.Id), o.Title, o.SimilarityText, o.OrgUnitId));
        var scorecardCandidates = _scorecardObjectives.Values
            .Where(s => !s.IsArchived)
            .Select(s => new ParentCandidate(ParentRef.Scorecard(s.Id), s.Title, s.SimilarityText, s.OrgUnitId));
        return [.. okrCandidates.Concat(scorecardCandidates)];
    }

    /// <summary>A candidate entry for a parent the objective already claims (it may not be among the usual candidates).</summary>
    public ParentCandidate? CandidateFor(ParentRef parent) => parent.Kind switch
    {
        ParentKind.OkrObjective when FindObjective(parent.Id) is { } o => new ParentCandidate(parent, o.Title, o.SimilarityText, o.OrgUnitId),
        ParentKind.ScorecardObjective when FindScorecardObjective(parent.Id) is { } s => new ParentCandidate(parent, s.Title, s.SimilarityText, s.OrgUnitId),
        _ => null,
    };

    public string Describe(Guid id) =>
        FindObjective(id)?.Title ?? FindScorecardObjective(id)?.Title ?? id.ToString();
}
