using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import.Support;

/// <summary>Applies a plan to in-memory snapshots, the way the persistence layer is expected to.</summary>
internal static class PlanApplier
{
    public static (List<PersonSnapshot> People, List<OrgUnitSnapshot> Units) Apply(
        PeopleImportPlan plan, IEnumerable<PersonSnapshot> people, IEnumerable<OrgUnitSnapshot> units)
    {
        Assert.True(plan.Succeeded);
        var unitList = units.ToList();
        var createdUnitIds = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in plan.UnitsToCreate)
        {
            var parentId = unit.ExistingParentId ?? (unit.ParentPath is { } parentPath ? createdUnitIds[parentPath] : null);
            var created = new OrgUnitSnapshot(Guid.NewGuid(), unit.Name, parentId);
            createdUnitIds.Add(unit.Path, created.Id);
            unitList.Add(created);
        }

        var peopleList = people.ToList();
        var idByEmail = peopleList.ToDictionary(p => p.Email, p => p.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var upsert in plan.People)
        {
            var id = upsert.ExistingPersonId ?? Guid.NewGuid();
            idByEmail[upsert.Email] = id;
            var managerId = upsert.Manager is { } manager
                ? manager.ExistingPersonId ?? idByEmail[manager.Email] // managers come first in the plan
                : (Guid?)null;
            var person = new PersonSnapshot(
                id, upsert.Email, upsert.Name, upsert.JobTitle,
                upsert.OrgUnit.ExistingUnitId ?? createdUnitIds[upsert.OrgUnit.Path],
                managerId, upsert.HireDate, upsert.Gender, upsert.BirthYear, Active: true);
            peopleList.RemoveAll(p => p.Id == id);
            peopleList.Add(person);
        }
        return (peopleList, unitList);
    }
}
