namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// One data record of the people CSV: the raw text of each column after CSV unquoting and after removing the
/// spreadsheet-formula guard (a leading <c>'</c> the export adds). Not trimmed or validated: the planner does that.
/// <see cref="Gender"/> and <see cref="BirthYear"/> are null when the file has no such column
/// (then the import leaves those attributes as they are), and empty text when the cell is empty.
/// </summary>
internal sealed record PeopleCsvRow(
    int Line,
    string Email,
    string Name,
    string JobTitle,
    string OrgUnit,
    string ManagerEmail,
    string HireDate,
    string? Gender = null,
    string? BirthYear = null);
