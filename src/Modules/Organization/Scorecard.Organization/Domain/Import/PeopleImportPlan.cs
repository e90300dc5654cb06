namespace Scorecard.Organization.Domain.Import;

/// <summary>
/// The outcome of planning an import: either only <see cref="Errors"/> (every problem of the file, by line),
/// or the units to create (parents first) and one upsert per row. <see cref="People"/> lists a person after
/// their manager whenever that manager is in the file too, so they can be written in order.
/// </summary>
internal sealed record PeopleImportPlan(
    IReadOnlyList<PeopleImportError> Errors,
    IReadOnlyList<PlannedOrgUnit> UnitsToCreate,
    IReadOnlyList<PlannedPersonUpsert> People)
{
    public bool Succeeded => Errors.Count == 0;

    public int CreatedCount => People.Count(p => p.Kind == PersonUpsertKind.Create);

    /// <summary>Existing people whose stored values the import changes.</summary>
    public int UpdatedCount => People.Count(p => p.Kind == PersonUpsertKind.Update && p.HasChanges);

    public int UnchangedCount => People.Count(p => !p.HasChanges);

    public static PeopleImportPlan Failure(IEnumerable<PeopleImportError> errors) =>
        new(errors.OrderBy(e => e.Line).ToList(), [], []);

    public static PeopleImportPlan Success(IReadOnlyList<PlannedOrgUnit> units, IReadOnlyList<PlannedPersonUpsert> people) =>
        new([], units, people);
}
