namespace Scorecard.Organization.Domain.Import;

/// <summary>The existing org units, searchable by name and by path (names compared as the database does: folded
/// case and accents, see <see cref="OrgUnit.KeyOf"/>).</summary>
internal sealed class OrgUnitTree
{
    private readonly Dictionary<Guid, OrgUnitSnapshot> _units;
    private readonly Dictionary<Guid, string> _paths = [];
    private readonly ILookup<Guid?, OrgUnitSnapshot> _children;
    private readonly ILookup<string, OrgUnitSnapshot> _byName;

    public OrgUnitTree(IEnumerable<OrgUnitSnapshot> units)
    {
        _units = [];
        foreach (var unit in units) _units.TryAdd(unit.Id, unit);
        _children = _units.Values.ToLookup(u => u.ParentId);
        _byName = _units.Values.ToLookup(u => OrgUnit.KeyOf(u.Name), StringComparer.Ordinal);
    }

    public bool Contains(Guid id) => _units.ContainsKey(id);

    public IReadOnlyList<OrgUnitSnapshot> RootsNamed(string name) => ChildrenNamed(null, name);

    public IReadOnlyList<OrgUnitSnapshot> ChildrenNamed(Guid? parentId, string name) =>
        _children[parentId].Where(u => NamesEqual(u.Name, name)).ToList();

    public IReadOnlyList<OrgUnitSnapshot> Named(string name) => _byName[OrgUnit.KeyOf(name)].ToList();

    /// <summary>The top-level units.</summary>
    public IReadOnlyList<OrgUnitSnapshot> Roots => _children[null].ToList();

    /// <summary>"Root/Child/Grandchild" with the stored names. A broken parent chain stops the walk.</summary>
    public string PathOf(Guid id)
    {
        if (_paths.TryGetValue(id, out var cached)) return cached;
        var names = new List<string>();
        var seen = new HashSet<Guid>();
        Guid? current = id;
        while (current is { } unitId && seen.Add(unitId) && _units.TryGetValue(unitId, out var unit))
        {
            names.Add(unit.Name.Trim());
            current = unit.ParentId;
        }
        names.Reverse();
        var path = string.Join(OrgUnitPath.Separator, names);
        _paths[id] = path;
        return path;
    }

    /// <summary>
    /// The value the export writes for a unit, which the import resolves back to the same unit: the full path;
    /// for a root unit whose bare name is not unique, the path with a leading <c>/</c>.
    /// </summary>
    public string ExportValueOf(Guid id)
    {
        var unit = _units[id];
        if (unit.ParentId is not null) return PathOf(id);
        return Named(unit.Name).Count == 1 ? unit.Name.Trim() : OrgUnitPath.Separator + unit.Name.Trim();
    }

    public static bool NamesEqual(string a, string b) => OrgUnit.KeyOf(a) == OrgUnit.KeyOf(b);

    /// <summary>A path compared as <see cref="NamesEqual"/> compares its segments.</summary>
    public static string PathKey(string path) => string.Join(OrgUnitPath.Separator, OrgUnitPath.Segments(path).Select(OrgUnit.KeyOf));
}
