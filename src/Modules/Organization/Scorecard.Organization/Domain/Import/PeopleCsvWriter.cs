using System.Globalization;

namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// Writes the directory in the import format, so that an export imports back unchanged: active people only,
/// orgUnit as the path from the root, managerEmail by e-mail (also when the manager is inactive).
/// Cells a spreadsheet would run as formulas get a leading <c>'</c>, which the parser removes again.
/// </summary>
internal static class PeopleCsvWriter
{
    /// <param name="people">Every stored person, inactive ones too: managers are looked up among them.</param>
    /// <param name="units">Every stored unit.</param>
    /// <param name="includeHrAttributes">Adds the HR-only gender and birthYear columns; only for readers allowed to see them.</param>
    /// <exception cref="ArgumentException">A person names a unit or a manager that is not in the snapshots.</exception>
    public static string Write(
        IReadOnlyCollection<PersonSnapshot> people, IReadOnlyCollection<OrgUnitSnapshot> units, bool includeHrAttributes)
    {
        var tree = new OrgUnitTree(units);
        var peopleById = new ExistingPeopleIndex(people);
        var columns = includeHrAttributes ? PeopleCsvColumns.All : PeopleCsvColumns.Required;

        using var output = new CsvFieldWriter();
        output.AppendRecord(columns);
        foreach (var person in people.Where(p => p.Active)
                     .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                     .ThenBy(p => p.Email, StringComparer.OrdinalIgnoreCase))
        {
            var cells = Cells(person, tree, peopleById).Take(columns.Count);
            output.AppendRecord(cells.Select(SpreadsheetFormulaGuard.Protect));
        }
        return output.ToString();
    }

    /// <summary>All cells in <see cref="PeopleCsvColumns.All"/> order.</summary>
    private static IEnumerable<string> Cells(PersonSnapshot person, OrgUnitTree tree, ExistingPeopleIndex people)
    {
        if (!tree.Contains(person.OrgUnitId))
            throw new ArgumentException($"Person {person.Id} is in unit {person.OrgUnitId}, which is not among the units.");
        var manager = person.ManagerId is { } managerId
            ? people.WithId(managerId) ?? throw new ArgumentException(
                $"Person {person.Id} reports to {managerId}, who is not among the people.")
            : null;

        yield return person.Email;
        yield return person.Name;
        yield return person.JobTitle ?? "";
        yield return tree.ExportValueOf(person.OrgUnitId);
        yield return manager?.Email ?? "";
        yield return person.HireDate.ToString(PeopleImportLimits.DateFormat, CultureInfo.InvariantCulture);
        yield return person.Gender ?? "";
        yield return person.BirthYear?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
