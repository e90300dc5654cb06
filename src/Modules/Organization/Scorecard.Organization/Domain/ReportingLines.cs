namespace Scorecard.Organization.Domain;

/// <summary>Pure walks over the manager relation (person id → manager id).</summary>
internal static class ReportingLines
{
    /// <summary>Managers from nearest to the top. Stops on a cycle rather than looping.</summary>
    public static IReadOnlyList<Guid> ManagerChain(Guid personId, IReadOnlyDictionary<Guid, Guid?> managerOf)
    {
        var chain = new List<Guid>();
        var seen = new HashSet<Guid> { personId };
        var current = personId;
        while (managerOf.TryGetValue(current, out var manager) && manager is { } m && seen.Add(m))
        {
            chain.Add(m);
            current = m;
        }
        return chain;
    }

    /// <summary>Would making <paramref name="managerId"/> the manager of <paramref name="personId"/> close a loop?</summary>
    public static bool WouldCreateCycle(Guid personId, Guid? managerId, IReadOnlyDictionary<Guid, Guid?> managerOf) =>
        managerId is { } m && (m == personId || ManagerChain(m, managerOf).Contains(personId));

    /// <summary>Everyone below the manager, breadth first.</summary>
    public static IReadOnlyList<Guid> AllReports(Guid managerId, IReadOnlyDictionary<Guid, Guid?> managerOf)
    {
        var children = managerOf.Where(p => p.Value is not null)
            .ToLookup(p => p.Value!.Value, p => p.Key);
        var result = new List<Guid>();
        var seen = new HashSet<Guid> { managerId };
        var queue = new Queue<Guid>([managerId]);
        while (queue.Count > 0)
            foreach (var report in children[queue.Dequeue()])
                if (seen.Add(report))
                {
                    result.Add(report);
                    queue.Enqueue(report);
                }
        return result;
    }

    /// <summary>The unit and all units below it.</summary>
    public static IReadOnlySet<Guid> UnitAndDescendants(Guid unitId, IEnumerable<OrgUnit> units)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new HashSet<Guid> { unitId };
        var queue = new Queue<Guid>([unitId]);
        while (queue.Count > 0)
            foreach (var child in children[queue.Dequeue()])
                if (result.Add(child)) queue.Enqueue(child);
        return result;
    }

    /// <summary>Members of a group whose manager is outside the group (or who have none): the group's heads.</summary>
    public static IReadOnlyList<Person> Heads(IReadOnlyCollection<Person> members)
    {
        var ids = members.Select(m => m.Id).ToHashSet();
        return members.Where(m => m.Active && (m.ManagerId is not { } manager || !ids.Contains(manager)))
            .OrderBy(m => m.HireDate).ThenBy(m => m.Name).ToList();
    }

    /// <summary>"Company / Department / Team" path of a unit, root first.</summary>
    public static string PathOf(Guid unitId, IReadOnlyDictionary<Guid, OrgUnit> units)
    {
        var names = new List<string>();
        var seen = new HashSet<Guid>();
        Guid? current = unitId;
        while (current is { } id && seen.Add(id) && units.TryGetValue(id, out var unit))
        {
            names.Add(unit.Name);
            current = unit.ParentId;
        }
        names.Reverse();
        return string.Join('/', names);
    }
}
