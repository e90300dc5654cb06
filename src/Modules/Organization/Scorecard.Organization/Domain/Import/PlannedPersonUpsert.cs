namespace Scorecard.Organization.Domain.Import;

internal enum PersonUpsertKind
{
    /// <summary>A new e-mail: the import creates the person.</summary>
    Create,

    /// <summary>The e-mail of an existing person: the import updates (and reactivates) that person.</summary>
    Update,
}

/// <summary>The person a manager reference points to: an existing person (<see cref="ExistingPersonId"/>),
/// or one created by the import (<see cref="ExistingPersonId"/> null; find them by <see cref="Email"/>).</summary>
internal sealed record PlannedManagerReference(Guid? ExistingPersonId, string Email);

/// <summary>
/// What the import does with one row: the resolved values to store. <see cref="Gender"/> and
/// <see cref="BirthYear"/> carry the stored values over when the file has no such column.
/// <see cref="ChangedColumns"/> names the columns whose value differs from the stored person
/// (plus <c>active</c> when an inactive person is reactivated); empty for an update that changes nothing.
/// </summary>
internal sealed record PlannedPersonUpsert(
    int Line,
    PersonUpsertKind Kind,
    Guid? ExistingPersonId,
    string Email,
    string Name,
    string? JobTitle,
    PlannedOrgUnitReference OrgUnit,
    PlannedManagerReference? Manager,
    DateOnly HireDate,
    string? Gender,
    int? BirthYear,
    IReadOnlyList<string> ChangedColumns)
{
    public const string ActiveColumn = "active";

    /// <summary>True for a create, and for an update that changes anything.</summary>
    public bool HasChanges => Kind == PersonUpsertKind.Create || ChangedColumns.Count > 0;
}
