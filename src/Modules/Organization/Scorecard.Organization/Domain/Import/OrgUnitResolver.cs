namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// Turns the orgUnit values of a file into units. A path (<c>Northwind/Engineering/Platform</c>) starts at the root
/// unit; its missing segments are created, each once however many rows name it. A bare name matches one existing
/// unit or one unit created by the file; a bare name that matches none is created under the root. On an install
/// without units the root is created too (<paramref name="newRootName"/>, see <see cref="ImportRootRule"/>).
/// Resolve every path before any bare name.
/// </summary>
internal sealed class OrgUnitResolver
{
    private readonly OrgUnitTree _existing;
    private readonly PlannedOrgUnit? _newRoot;
    private readonly List<PlannedOrgUnit> _created = [];
    private readonly Dictionary<string, PlannedOrgUnit> _createdByPath = new(StringComparer.Ordinal);

    public OrgUnitResolver(OrgUnitTree existing, string? newRootName = null)
    {
        _existing = existing;
        if (newRootName is not null) _newRoot = Add(new PlannedOrgUnit(newRootName.Trim(), newRootName.Trim(), null, null));
    }

    /// <summary>The units to create, each after its parent.</summary>
    public IReadOnlyList<PlannedOrgUnit> Created => _created;

    public OrgUnitResolution ResolvePath(string value)
    {
        var segments = OrgUnitPath.Segments(value);
        if (segments.Any(s => s.Length == 0))
            return OrgUnitResolution.Failed($"Org unit path '{value}' has an empty segment; write it as Root/Unit/Subunit.");
        if (segments.FirstOrDefault(s => s.Length > PeopleImportLimits.OrgUnitNameMaxLength) is { } tooLong)
            return OrgUnitResolution.Failed(
                $"Org unit name '{tooLong}' is longer than {PeopleImportLimits.OrgUnitNameMaxLength} characters.");

        Guid? existingId;
        string path;
        var roots = _existing.RootsNamed(segments[0]);
        if (roots.Count == 1)
        {
            existingId = roots[0].Id;
            path = _existing.PathOf(roots[0].Id);
        }
        else if (roots.Count > 1)
        {
            return OrgUnitResolution.Failed($"Org unit path '{value}' is ambiguous: several top-level units are named '{segments[0]}'.");
        }
        else if (_newRoot is not null && OrgUnitTree.NamesEqual(_newRoot.Name, segments[0]))
        {
            existingId = null;
            path = _newRoot.Path;
        }
        else
        {
            return OrgUnitResolution.Failed(
                $"Org unit path '{value}' must start with the name of an existing top-level unit; '{segments[0]}' is not one.");
        }

        foreach (var segment in segments.Skip(1))
        {
            if (existingId is { } parentId)
            {
                var children = _existing.ChildrenNamed(parentId, segment);
                if (children.Count > 1)
                    return OrgUnitResolution.Failed(
                        $"Org unit path '{value}' is ambiguous: several units under '{path}' are named '{segment}'.");
                if (children.Count == 1)
                {
                    existingId = children[0].Id;
                    path = _existing.PathOf(children[0].Id);
                    continue;
                }
            }
            var planned = Create(path, segment, existingId);
            existingId = null;
            path = planned.Path;
        }
        return OrgUnitResolution.Resolved(new PlannedOrgUnitReference(existingId, path));
    }

    public OrgUnitResolution ResolveName(string value)
    {
        var name = value.Trim();
        var candidates = _existing.Named(name)
            .Select(u => new PlannedOrgUnitReference(u.Id, _existing.PathOf(u.Id)))
            .Concat(_created.Where(u => OrgUnitTree.NamesEqual(u.Name, name))
                .Select(u => new PlannedOrgUnitReference(null, u.Path)))
            .ToList();
        if (candidates.Count == 0 && name.Length > PeopleImportLimits.OrgUnitNameMaxLength)
            return OrgUnitResolution.Failed(
                $"Org unit name '{name}' is longer than {PeopleImportLimits.OrgUnitNameMaxLength} characters.");
        return candidates.Count switch
        {
            1 => OrgUnitResolution.Resolved(candidates[0]),
            0 => CreateUnderRoot(name),
            _ => OrgUnitResolution.Failed(
                $"Org unit '{name}' is ambiguous; write one of these paths instead: {string.Join(", ", candidates.Select(c => c.Path).Order(StringComparer.OrdinalIgnoreCase))}."),
        };
    }

    /// <summary>A bare name that matches no unit becomes a new unit under the one root.</summary>
    private OrgUnitResolution CreateUnderRoot(string name)
    {
        var roots = _existing.Roots;
        if (roots.Count == 1)
            return OrgUnitResolution.Resolved(new PlannedOrgUnitReference(null, Create(_existing.PathOf(roots[0].Id), name, roots[0].Id).Path));
        if (roots.Count == 0 && _newRoot is not null)
            return OrgUnitResolution.Resolved(new PlannedOrgUnitReference(null, Create(_newRoot.Path, name, null).Path));
        return OrgUnitResolution.Failed(
            $"Unknown org unit '{name}'. There are several top-level units, so write a path from one of them, such as 'Company/Department'.");
    }

    private PlannedOrgUnit Create(string parentPath, string name, Guid? existingParentId)
    {
        var path = OrgUnitPath.Combine(parentPath, name);
        return _createdByPath.TryGetValue(OrgUnitTree.PathKey(path), out var planned)
            ? planned
            : Add(new PlannedOrgUnit(path, name, parentPath, existingParentId));
    }

    private PlannedOrgUnit Add(PlannedOrgUnit planned)
    {
        _created.Add(planned);
        _createdByPath.Add(OrgUnitTree.PathKey(planned.Path), planned);
        return planned;
    }
}

internal sealed record OrgUnitResolution(PlannedOrgUnitReference? Unit, string? Error)
{
    public static OrgUnitResolution Resolved(PlannedOrgUnitReference unit) => new(unit, null);

    public static OrgUnitResolution Failed(string error) => new(null, error);
}
