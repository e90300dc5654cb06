namespace Scorecard.Organization.Domain;

internal static class OrgUnitTreeRules
{
    /// <summary>True when <paramref name="unitId"/> is <paramref name="ancestorId"/> or lies below it.</summary>
    public static bool IsWithin(Guid unitId, Guid ancestorId, IReadOnlyDictionary<Guid, OrgUnit> units)
    {
        var seen = new HashSet<Guid>();
        Guid? current = unitId;
        while (current is { } id && seen.Add(id))
        {
            if (id == ancestorId) return true;
            current = units.TryGetValue(id, out var unit) ? unit.ParentId : null;
        }
        return false;
    }
}
