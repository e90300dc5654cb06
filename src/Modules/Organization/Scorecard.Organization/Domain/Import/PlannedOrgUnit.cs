namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// A unit the import creates. <see cref="ParentPath"/> is the full path of its parent (null for the root unit an
/// empty install gets from the file);
/// <see cref="ExistingParentId"/> is set when that parent already exists, and null when the parent is itself
/// created by this import (it then comes earlier in <see cref="PeopleImportPlan.UnitsToCreate"/>).
/// </summary>
internal sealed record PlannedOrgUnit(string Path, string Name, string? ParentPath, Guid? ExistingParentId);

/// <summary>The unit of a planned person: an existing unit (<see cref="ExistingUnitId"/>), or one created by the
/// import (<see cref="ExistingUnitId"/> null; <see cref="Path"/> equals that <see cref="PlannedOrgUnit.Path"/>).</summary>
internal sealed record PlannedOrgUnitReference(Guid? ExistingUnitId, string Path);
