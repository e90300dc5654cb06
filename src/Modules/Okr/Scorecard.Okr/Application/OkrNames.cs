using Scorecard.Organization.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>People's and units' names for display, fetched once per request from the directory.</summary>
internal sealed class OkrNames(IOrganizationDirectory directory)
{
    private readonly Dictionary<Guid, PersonSummary?> _people = [];
    private readonly Dictionary<Guid, string?> _unitNames = [];
    private IReadOnlyList<OrgUnitSummary>? _units;
    private Dictionary<Guid, OrgUnitSummary>? _unitsById;
    private readonly Dictionary<Guid, OrgUnitSummary?> _unitsLookedUp = [];

    public async Task<IReadOnlyList<OrgUnitSummary>> UnitsAsync(CancellationToken ct) => _units ??= await directory.GetUnitsAsync(ct);

    public async Task LoadPeopleAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var missing = ids.Where(id => !_people.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0) return;
        var found = await directory.GetPeopleAsync(missing, ct);
        foreach (var id in missing) _people[id] = found.FirstOrDefault(p => p.Id == id);
    }

    public async Task<PersonSummary?> PersonAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } personId) return null;
        await LoadPeopleAsync([personId], ct);
        return _people[personId];
    }

    public PersonSummary? KnownPerson(Guid? id) => id is { } p && _people.TryGetValue(p, out var s) ? s : null;

    /// <summary>One unit's name: from the whole list when this request loaded it, else one lookup (remembered).</summary>
    public async Task<string?> UnitNameAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } unitId) return null;
        if (_units is not null) return _units.FirstOrDefault(u => u.Id == unitId)?.Name;
        if (!_unitNames.TryGetValue(unitId, out var name)) _unitNames[unitId] = name = (await directory.GetUnitAsync(unitId, ct))?.Name;
        return name;
    }

    /// <summary>The department of a unit: the ancestor directly below the company root (the root itself for the company).</summary>
    public async Task<OrgUnitSummary?> DepartmentOfAsync(Guid unitId, CancellationToken ct)
    {
        _unitsById ??= (await UnitsAsync(ct)).ToDictionary(u => u.Id);
        return await DepartmentOfWalkingUpAsync(unitId, ct);
    }

    /// <summary>
    /// The same as <see cref="DepartmentOfAsync"/>, walking up one unit at a time (remembered) instead of loading every
    /// unit first: for a few units in a large organization. Units already loaded are not asked for again.
    /// </summary>
    public async Task<OrgUnitSummary?> DepartmentOfWalkingUpAsync(Guid unitId, CancellationToken ct)
    {
        async Task<OrgUnitSummary?> Unit(Guid id)
        {
            if (_unitsById?.TryGetValue(id, out var known) == true) return known;
            if (!_unitsLookedUp.TryGetValue(id, out var unit)) _unitsLookedUp[id] = unit = await directory.GetUnitAsync(id, ct);
            return unit;
        }

        if (await Unit(unitId) is not { } current) return null;
        while (current.ParentId is { } parentId && await Unit(parentId) is { } parent && parent.ParentId is not null)
            current = parent;
        return current;
    }
}
