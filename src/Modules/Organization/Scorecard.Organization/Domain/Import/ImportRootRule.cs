namespace Scorecard.Organization.Domain.Import;

using static Scorecard.Organization.Domain.Import.PeopleCsvColumns;

/// <summary>
/// Which root unit an import creates on an install that has none: the first segment of the file's paths
/// (<c>Acme/Sales</c>) or, when the file names only plain units, the unit of the person without a manager. Either
/// must name exactly one unit; otherwise every row concerned is an error and nothing is imported.
/// </summary>
internal static class ImportRootRule
{
    /// <returns>The name of the root to create; null when the install has a root already or when errors were added.</returns>
    public static string? NewRootName(IReadOnlyList<PersonRowValues> rows, OrgUnitTree existing, ICollection<PeopleImportError> errors)
    {
        if (existing.Roots.Count > 0) return null;
        var withUnit = rows.Where(r => r.OrgUnit is not null).ToList();

        var pathRoots = withUnit.Where(r => OrgUnitPath.IsPath(r.OrgUnit!))
            .Select(r => (Row: r, Root: OrgUnitPath.Segments(r.OrgUnit!)[0]))
            .Where(r => r.Root.Length > 0)
            .ToList();
        if (pathRoots.Count > 0)
            return Single(pathRoots, names =>
                $"The file starts its paths with different top-level units ({names}); the organization has one root unit, so every path must start with the same name.",
                errors);

        var withoutManager = withUnit.Where(r => r.ManagerEmail is null).Select(r => (Row: r, Root: r.OrgUnit!.Trim())).ToList();
        if (withoutManager.Count == 0)
        {
            if (withUnit.Count > 0)
                errors.Add(new PeopleImportError(withUnit[0].Line, ManagerEmail,
                    "There are no org units yet and everyone in the file has a manager, so the root unit is unknown: leave managerEmail empty for the person at the top, or write orgUnit as a path from the company (Company/Department)."));
            return null;
        }
        return Single(withoutManager, names =>
            $"There are no org units yet, so the root unit is the unit of the person without a manager; the people without a manager are in different units ({names}). Give them managers, or write orgUnit as a path from the company (Company/Department).",
            errors);
    }

    private static string? Single(
        List<(PersonRowValues Row, string Root)> candidates, Func<string, string> message, ICollection<PeopleImportError> errors)
    {
        var distinct = candidates.GroupBy(c => Domain.OrgUnit.KeyOf(c.Root)).Select(g => g.First().Root).ToList();
        if (distinct.Count == 1) return distinct[0];
        var text = message(string.Join(", ", distinct));
        foreach (var (row, _) in candidates) errors.Add(new PeopleImportError(row.Line, OrgUnit, text));
        return null;
    }
}
