namespace Scorecard.Organization.Domain.Import;

/// <summary>A person as stored, as the import compares against it and the export writes it.</summary>
internal sealed record PersonSnapshot(
    Guid Id,
    string Email,
    string Name,
    string? JobTitle,
    Guid OrgUnitId,
    Guid? ManagerId,
    DateOnly HireDate,
    string? Gender,
    int? BirthYear,
    bool Active);
