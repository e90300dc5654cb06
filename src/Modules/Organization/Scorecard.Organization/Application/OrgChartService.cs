using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Persistence;
using Scorecard.Platform;

namespace Scorecard.Organization.Application;

/// <summary>One unit of the org chart: its active people and its child units with their head counts.</summary>
internal sealed record OrgChartUnit(Guid Id, string Name, string Path, int People, IReadOnlyList<OrgChartChild> Children, IReadOnlyList<OrgChartMember> Members);

/// <summary>A child unit, shown collapsed; <see cref="People"/> counts the active people in it and below it.</summary>
internal sealed record OrgChartChild(Guid Id, string Name, int People);

internal sealed record OrgChartMember(Guid Id, string Name, string? JobTitle);

/// <summary>
/// The org chart one unit at a time, so that a large organization opens fast: the page shows the root and its
/// children; each child unit is loaded when it is opened. People who left are not shown.
/// </summary>
internal sealed class OrgChartService(OrganizationDbContext db)
{
    private sealed record UnitRow(Guid Id, string Name, Guid? ParentId);

    /// <summary>The top-level units (usually the company alone), each with its head count.</summary>
    public async Task<IReadOnlyList<OrgChartChild>> RootsAsync(CancellationToken ct)
    {
        var tree = await TreeAsync(ct);
        return tree.ChildrenOf(null);
    }

    public async Task<OrgChartUnit> UnitAsync(Guid id, CancellationToken ct)
    {
        var tree = await TreeAsync(ct);
        if (!tree.Units.TryGetValue(id, out var unit)) throw new NotFoundException("Org unit", id);
        var members = await db.People.AsNoTracking()
            .Where(p => p.Active && p.OrgUnitId == id)
            .OrderBy(p => p.NameKey).ThenBy(p => p.Email)
            .Select(p => new OrgChartMember(p.Id, p.Name, p.JobTitle))
            .ToListAsync(ct);
        return new OrgChartUnit(unit.Id, unit.Name, string.Join('/', tree.Trail(id).Select(u => tree.Units[u].Name)),
            tree.Total(id), tree.ChildrenOf(id), members);
    }

    /// <summary>The ids from the root down to the unit, to open the chart at a person's unit.</summary>
    public async Task<IReadOnlyList<Guid>> TrailAsync(Guid id, CancellationToken ct)
    {
        var tree = await TreeAsync(ct);
        if (!tree.Units.ContainsKey(id)) throw new NotFoundException("Org unit", id);
        return tree.Trail(id);
    }

    private async Task<Tree> TreeAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new UnitRow(u.Id, u.Name, u.ParentId)).ToListAsync(ct);
        var counts = await db.People.AsNoTracking().Where(p => p.Active)
            .GroupBy(p => p.OrgUnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new Tree(units, counts);
    }

    private sealed class Tree
    {
        private readonly ILookup<Guid?, UnitRow> _children;
        private readonly IReadOnlyDictionary<Guid, int> _direct;
        private readonly Dictionary<Guid, int> _totals = [];

        public Tree(IReadOnlyList<UnitRow> units, IReadOnlyDictionary<Guid, int> direct)
        {
            Units = units.ToDictionary(u => u.Id);
            _children = units.ToLookup(u => u.ParentId);
            _direct = direct;
        }

        public Dictionary<Guid, UnitRow> Units { get; }

        public IReadOnlyList<OrgChartChild> ChildrenOf(Guid? id) =>
            _children[id].OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(u => new OrgChartChild(u.Id, u.Name, Total(u.Id))).ToList();

        /// <summary>Active people in the unit and below it (iterative, so a deep or broken tree cannot overflow).</summary>
        public int Total(Guid id)
        {
            if (_totals.TryGetValue(id, out var cached)) return cached;
            var total = 0;
            var seen = new HashSet<Guid>();
            var stack = new Stack<Guid>([id]);
            while (stack.TryPop(out var current))
            {
                if (!seen.Add(current)) continue;
                total += _direct.GetValueOrDefault(current);
                foreach (var child in _children[current]) stack.Push(child.Id);
            }
            _totals[id] = total;
            return total;
        }

        public IReadOnlyList<Guid> Trail(Guid id)
        {
            var trail = new List<Guid>();
            var seen = new HashSet<Guid>();
            Guid? current = id;
            while (current is { } unitId && seen.Add(unitId) && Units.TryGetValue(unitId, out var unit))
            {
                trail.Add(unitId);
                current = unit.ParentId;
            }
            trail.Reverse();
            return trail;
        }
    }
}
