namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// Turns the orgUnit values of a file into units. A path (<c>Northwind/Engineering/Platform</c>) starts at an
/// existing root unit; its missing segments are created, each once however many rows name it. A bare name must
/// match exactly one existing unit or one unit created by the file. Resolve every path before any bare name.
/// </summary>
internal sealed class OrgUnitResolver(OrgUnitTree existing)
{
    private readonly List<PlannedOrgUnit> _created = [];
    private readonly Dictionary<string, PlannedOrgUnit> _createdByPath = new(StringComparer.OrdinalIgnoreCase);

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

        var roots = existing.RootsNamed(segments[0]);
        if (roots.Count == 0)
            return OrgUnitResolution.Failed(
                $"Org unit path '{value}' must start with the name of an existing top-level unit; '{segments[0]}' is not one.");
        if (roots.Count > 1)
            return OrgUnitResolution.Failed($"Org unit path '{value}' is ambiguous: several top-level units are named '{segments[0]}'.");

        Guid? existingId = roots[0].Id;
        var path = existing.PathOf(roots[0].Id);
        foreach (var segment in segments.Skip(1))
        {
            if (existingId is { } parentId)
            {
                var children = existing.ChildrenNamed(parentId, segment);
                if (children.Count > 1)
                    return OrgUnitResolution.Failed(
                        $"Org unit path '{value}' is ambiguous: several units under '{path}' are named '{segment}'.");
                if (children.Count == 1)
                {
                    existingId = children[0].Id;
                    path = existing.PathOf(children[0].Id);
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
        var candidates = existing.Named(name)
            .Select(u => new PlannedOrgUnitReference(u.Id, existing.PathOf(u.Id)))
            .Concat(_created.Where(u => OrgUnitTree.NamesEqual(u.Name, name))
                .Select(u => new PlannedOrgUnitReference(null, u.Path)))
            .ToList();
        return candidates.Count switch
        {
            1 => OrgUnitResolution.Resolved(candidates[0]),
            0 => OrgUnitResolution.Failed(
                $"Unknown org unit '{name}'. Use the name of an existing unit or a path from a top-level unit, such as 'Company/Department'."),
            _ => OrgUnitResolution.Failed(
                $"Org unit '{name}' is ambiguous; write one of these paths instead: {string.Join(", ", candidates.Select(c => c.Path).Order(StringComparer.OrdinalIgnoreCase))}."),
        };
    }

    private PlannedOrgUnit Create(string parentPath, string name, Guid? existingParentId)
    {
        var path = OrgUnitPath.Combine(parentPath, name);
        if (_createdByPath.TryGetValue(path, out var planned)) return planned;
        planned = new PlannedOrgUnit(path, name, parentPath, existingParentId);
        _created.Add(planned);
        _createdByPath.Add(path, planned);
        return planned;
    }
}

internal sealed record OrgUnitResolution(PlannedOrgUnitReference? Unit, string? Error)
{
    public static OrgUnitResolution Resolved(PlannedOrgUnitReference unit) => new(unit, null);

    public static OrgUnitResolution Failed(string error) => new(null, error);
}
