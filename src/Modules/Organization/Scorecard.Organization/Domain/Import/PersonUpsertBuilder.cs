namespace Scorecard.Organization.Domain.Import;

using static Scorecard.Organization.Domain.Import.PeopleCsvColumns;

/// <summary>Builds the upsert of a valid row and works out which stored values it changes.</summary>
internal static class PersonUpsertBuilder
{
    /// <param name="row">A row without errors: every required value is present.</param>
    public static PlannedPersonUpsert Build(
        PersonRowValues row, PlannedOrgUnitReference unit, ExistingPeopleIndex existing)
    {
        var email = row.Email!;
        var stored = existing.WithEmail(email);
        var manager = row.ManagerEmail is { } managerEmail
            ? new PlannedManagerReference(existing.WithEmail(managerEmail)?.Id, managerEmail)
            : null;
        var gender = row.HasGender ? row.Gender : stored?.Gender;
        var birthYear = row.HasBirthYear ? row.BirthYear : stored?.BirthYear;

        var upsert = new PlannedPersonUpsert(
            row.Line,
            stored is null ? PersonUpsertKind.Create : PersonUpsertKind.Update,
            stored?.Id,
            email,
            row.Name!,
            row.JobTitle,
            unit,
            manager,
            row.HireDate!.Value,
            gender,
            birthYear,
            []);
        return stored is null ? upsert : upsert with { ChangedColumns = ChangedColumns(upsert, stored) };
    }

    private static List<string> ChangedColumns(PlannedPersonUpsert planned, PersonSnapshot stored)
    {
        var changed = new List<string>();
        void Compare(bool same, string column)
        {
            if (!same) changed.Add(column);
        }

        Compare(planned.Name == stored.Name, Name);
        Compare(planned.JobTitle == Blank(stored.JobTitle), JobTitle);
        Compare(planned.OrgUnit.ExistingUnitId == stored.OrgUnitId, OrgUnit);
        Compare(planned.Manager?.ExistingPersonId == stored.ManagerId && (planned.Manager is null) == (stored.ManagerId is null), ManagerEmail);
        Compare(planned.HireDate == stored.HireDate, HireDate);
        Compare(planned.Gender == Blank(stored.Gender), Gender);
        Compare(planned.BirthYear == stored.BirthYear, BirthYear);
        Compare(stored.Active, PlannedPersonUpsert.ActiveColumn);
        return changed;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
