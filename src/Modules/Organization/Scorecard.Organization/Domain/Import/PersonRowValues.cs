namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// The field values of one row after trimming, normalising and checking each field on its own.
/// A value is null when the cell is empty or invalid (the error is reported separately).
/// </summary>
internal sealed record PersonRowValues(
    int Line,
    string? Email,
    bool EmailIsWellFormed,
    string? Name,
    string? JobTitle,
    string? OrgUnit,
    string? ManagerEmail,
    DateOnly? HireDate,
    bool HasGender,
    string? Gender,
    bool HasBirthYear,
    int? BirthYear);
