namespace Scorecard.Organization.Domain.Import;

using static Scorecard.Organization.Domain.Import.PeopleCsvColumns;

/// <summary>
/// Checks every row of an import against the file itself and the stored directory, and plans the writes.
/// All problems are reported together; a plan with any error plans nothing.
/// </summary>
internal static class PeopleImportPlanner
{
    public static PeopleImportPlan Plan(
        IReadOnlyList<PeopleCsvRow> rows,
        IReadOnlyCollection<PersonSnapshot> existingPeople,
        IReadOnlyCollection<OrgUnitSnapshot> existingUnits,
        DateOnly today)
    {
        var errors = new List<PeopleImportError>();
        var values = rows.Select(row => PersonRowValidator.Validate(row, today, errors)).ToList();
        var existing = new ExistingPeopleIndex(existingPeople);

        var rowsByEmail = FirstRowOfEachEmail(values, errors);
        var emailsInFile = values.Where(v => v.Email is not null).Select(v => v.Email!).ToHashSet(StringComparer.Ordinal);
        ReportingLineRules.Check(values, rowsByEmail, emailsInFile, existing, errors);

        var tree = new OrgUnitTree(existingUnits);
        var errorsBefore = errors.Count;
        var resolver = new OrgUnitResolver(tree, ImportRootRule.NewRootName(values, tree, errors));
        // Without a root every unit would be refused again; the root's own error says what to fix.
        var units = errors.Count == errorsBefore ? ResolveUnits(values, resolver, errors) : [];

        if (errors.Count > 0) return PeopleImportPlan.Failure(errors);

        var upserts = ManagersFirst(values, rowsByEmail)
            .Select(row => PersonUpsertBuilder.Build(row, units[row.Line], existing))
            .ToList();
        return PeopleImportPlan.Success(resolver.Created, upserts);
    }

    /// <summary>Reports every repeat of an e-mail, naming the line where it first appears.</summary>
    private static Dictionary<string, PersonRowValues> FirstRowOfEachEmail(
        IEnumerable<PersonRowValues> rows, List<PeopleImportError> errors)
    {
        var first = new Dictionary<string, PersonRowValues>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.EmailIsWellFormed))
        {
            if (first.TryGetValue(row.Email!, out var earlier))
                errors.Add(new PeopleImportError(row.Line, Email,
                    $"The e-mail address '{row.Email}' already appears on line {earlier.Line}."));
            else
                first.Add(row.Email!, row);
        }
        return first;
    }

    /// <summary>Paths first, so that a bare name can match a unit a path of the file creates.</summary>
    private static Dictionary<int, PlannedOrgUnitReference> ResolveUnits(
        IReadOnlyList<PersonRowValues> rows, OrgUnitResolver resolver, List<PeopleImportError> errors)
    {
        var units = new Dictionary<int, PlannedOrgUnitReference>();
        var withValue = rows.Where(r => r.OrgUnit is not null).ToList();
        var paths = withValue.Where(r => OrgUnitPath.IsPath(r.OrgUnit!)).Select(r => (r, resolver.ResolvePath(r.OrgUnit!))).ToList();
        var names = withValue.Where(r => !OrgUnitPath.IsPath(r.OrgUnit!)).Select(r => (r, resolver.ResolveName(r.OrgUnit!))).ToList();
        foreach (var (row, resolution) in paths.Concat(names))
        {
            if (resolution.Unit is { } unit) units[row.Line] = unit;
            else errors.Add(new PeopleImportError(row.Line, OrgUnit, resolution.Error!));
        }
        return units;
    }

    /// <summary>Rows by line, except that a manager in the file comes before the people who report to them.</summary>
    private static List<PersonRowValues> ManagersFirst(
        IReadOnlyList<PersonRowValues> rows, IReadOnlyDictionary<string, PersonRowValues> rowsByEmail)
    {
        var ordered = new List<PersonRowValues>(rows.Count);
        var placed = new HashSet<int>();
        foreach (var row in rows)
        {
            var chain = new Stack<PersonRowValues>();
            var current = row;
            while (current is not null && !placed.Contains(current.Line))
            {
                chain.Push(current);
                placed.Add(current.Line);
                current = current.ManagerEmail is { } manager ? rowsByEmail.GetValueOrDefault(manager) : null;
            }
            ordered.AddRange(chain);
        }
        return ordered;
    }
}
