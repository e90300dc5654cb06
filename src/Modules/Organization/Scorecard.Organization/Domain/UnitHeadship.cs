namespace Scorecard.Organization.Domain;

/// <summary>
/// Which units, counted with their sub-units, a person heads (<see cref="ReportingLines.Heads"/>): the person is an
/// active member of the unit's subtree and their manager is not. Walking up from the person's unit, that holds until
/// the first unit that also contains the manager's unit — so it depends only on the person, the manager's unit and
/// the unit tree, which is what lets the stored heads be kept up to date one changed person at a time.
/// </summary>
internal static class UnitHeadship
{
    public static IReadOnlyList<Guid> UnitsHeadedBy(bool active, Guid unitId, Guid? managerUnitId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        if (!active) return [];
        var managerSide = managerUnitId is { } m ? AncestorsOrSelf(m, parentOf).ToHashSet() : [];
        return AncestorsOrSelf(unitId, parentOf).TakeWhile(u => !managerSide.Contains(u)).ToList();
    }

    /// <summary>The unit, its parent, ... up to the root: the same walk as a manager chain, over the parent relation.</summary>
    public static IReadOnlyList<Guid> AncestorsOrSelf(Guid unitId, IReadOnlyDictionary<Guid, Guid?> parentOf) =>
        [unitId, .. ReportingLines.ManagerChain(unitId, parentOf)];
}
