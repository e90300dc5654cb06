namespace Scorecard.Organization.Domain.Import;

/// <summary>The column names of the people CSV, in the order the export writes them.</summary>
internal static class PeopleCsvColumns
{
    public const string Email = "email";
    public const string Name = "name";
    public const string JobTitle = "jobTitle";
    public const string OrgUnit = "orgUnit";
    public const string ManagerEmail = "managerEmail";
    public const string HireDate = "hireDate";
    public const string Gender = "gender";
    public const string BirthYear = "birthYear";

    public static IReadOnlyList<string> Required { get; } = [Email, Name, JobTitle, OrgUnit, ManagerEmail, HireDate];

    /// <summary>HR-only attributes: optional on import, exported only to readers allowed to see them.</summary>
    public static IReadOnlyList<string> HrOnly { get; } = [Gender, BirthYear];

    public static IReadOnlyList<string> All { get; } = [.. Required, .. HrOnly];

    /// <summary>The canonical spelling of a header name (case-insensitive, surrounding blanks ignored), or null.</summary>
    public static string? Canonical(string headerName)
    {
        var trimmed = headerName.Trim();
        return All.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
