namespace Scorecard.Organization.Domain.Import;

using static Scorecard.Organization.Domain.Import.PeopleCsvColumns;

/// <summary>
/// The manager rules of an import: each manager is a row of the file or an existing person, nobody manages
/// themselves, and the reporting lines of the file together with the stored people not in the file have no loop.
/// </summary>
internal static class ReportingLineRules
{
    /// <param name="rows">Every row of the file.</param>
    /// <param name="rowsByEmail">The first row of each well-formed e-mail in the file.</param>
    /// <param name="emailsInFile">Every e-mail the file names in its email column, well-formed or not.</param>
    /// <param name="existing">The stored people.</param>
    /// <param name="errors">Where problems are added.</param>
    public static void Check(
        IReadOnlyList<PersonRowValues> rows,
        IReadOnlyDictionary<string, PersonRowValues> rowsByEmail,
        IReadOnlySet<string> emailsInFile,
        ExistingPeopleIndex existing,
        ICollection<PeopleImportError> errors)
    {
        foreach (var row in rows)
        {
            if (row.ManagerEmail is not { } manager) continue;
            if (manager == row.Email)
                errors.Add(new PeopleImportError(row.Line, ManagerEmail, "A person cannot be their own manager."));
            else if (!emailsInFile.Contains(manager) && existing.WithEmail(manager) is null)
                errors.Add(new PeopleImportError(row.Line, ManagerEmail,
                    $"Unknown manager '{manager}': no row of the file and no existing person has this e-mail address."));
        }
        CheckCycles(rowsByEmail, existing, errors);
    }

    /// <summary>One error per loop that goes through the file, on the loop's first line in the file.</summary>
    private static void CheckCycles(
        IReadOnlyDictionary<string, PersonRowValues> rowsByEmail, ExistingPeopleIndex existing, ICollection<PeopleImportError> errors)
    {
        var managerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in existing.All)
        {
            var email = EmailAddressRule.Normalize(person.Email);
            if (rowsByEmail.ContainsKey(email) || person.ManagerId is not { } managerId) continue;
            if (existing.WithId(managerId) is { } manager) managerOf[email] = EmailAddressRule.Normalize(manager.Email);
        }
        foreach (var (email, row) in rowsByEmail)
        {
            if (row.ManagerEmail is { } manager && manager != email) managerOf[email] = manager;
        }

        var starts = rowsByEmail.Values.OrderBy(r => r.Line).Select(r => r.Email!);
        foreach (var cycle in ReportingCycleDetector.FindCycles(starts, managerOf))
        {
            var linesInFile = cycle.Where(rowsByEmail.ContainsKey).Select(e => rowsByEmail[e].Line).Order().ToList();
            if (linesInFile.Count == 0) continue; // a loop among stored people only is not this file's doing

            var firstLine = linesInFile[0];
            var startAt = cycle.ToList().FindIndex(e => rowsByEmail.TryGetValue(e, out var r) && r.Line == firstLine);
            var ordered = cycle.Skip(startAt).Concat(cycle.Take(startAt)).ToList();
            string Describe(string email) =>
                rowsByEmail.TryGetValue(email, out var r) ? $"{email} (line {r.Line})" : $"{email} (existing person)";
            var chain = string.Join(" -> ", ordered.Select(Describe).Append(ordered[0]));
            var lines = linesInFile.Count == 1 ? $"line {firstLine}" : $"lines {string.Join(", ", linesInFile)}";
            errors.Add(new PeopleImportError(firstLine, ManagerEmail,
                $"Reporting cycle on {lines}: {chain}. Following managers upwards must end at someone without a manager."));
        }
    }
}
