using Scorecard.Organization.Domain.Import;
using Scorecard.Organization.Tests.Import.Support;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleImportPlannerUpsertTests
{
    private static readonly string[] NewTeamFile =
    [
        HeaderWithHr,
        "lee@northwind.test,Lee Lead,Engineering Manager,Northwind/Engineering/Data,cto@northwind.test,2021-05-10,Female,1985",
        "dev@northwind.test,\"Dev, Junior\",,Northwind/Engineering/Data/ML,lee@northwind.test,2024-09-01,,",
        "cto@northwind.test,Tom Tech,CTO,Northwind/Engineering,ceo@northwind.test,2012-03-01,,1980",
    ];

    [Fact]
    public void A_valid_file_plans_creates_updates_and_new_units()
    {
        var plan = Succeeded(Plan(NewTeamFile));

        Assert.Equal(
            [
                new PlannedOrgUnit("Northwind/Engineering/Data", "Data", "Northwind/Engineering", Engineering.Id),
                new PlannedOrgUnit("Northwind/Engineering/Data/ML", "ML", "Northwind/Engineering/Data", null),
            ],
            plan.UnitsToCreate);

        var lee = plan.People.Single(p => p.Email == "lee@northwind.test");
        Assert.Equal(
            new PlannedPersonUpsert(2, PersonUpsertKind.Create, null, "lee@northwind.test", "Lee Lead", "Engineering Manager",
                new PlannedOrgUnitReference(null, "Northwind/Engineering/Data"), new PlannedManagerReference(Cto.Id, "cto@northwind.test"),
                new DateOnly(2021, 5, 10), "Female", 1985, []),
            lee with { ChangedColumns = [] });
        Assert.True(lee.HasChanges);

        var dev = plan.People.Single(p => p.Email == "dev@northwind.test");
        Assert.Equal(("Dev, Junior", (string?)null, (string?)null, (int?)null), (dev.Name, dev.JobTitle, dev.Gender, dev.BirthYear));
        Assert.Equal(new PlannedManagerReference(null, "lee@northwind.test"), dev.Manager);

        var cto = plan.People.Single(p => p.Email == "cto@northwind.test");
        Assert.Equal((PersonUpsertKind.Update, (Guid?)Cto.Id), (cto.Kind, cto.ExistingPersonId));
        Assert.Empty(cto.ChangedColumns);

        Assert.Equal((2, 0, 1), (plan.CreatedCount, plan.UpdatedCount, plan.UnchangedCount));
    }

    [Fact]
    public void Planning_the_same_file_again_after_applying_it_changes_nothing()
    {
        var first = Succeeded(Plan(NewTeamFile));
        var (people, units) = PlanApplier.Apply(first, People, Units);

        var second = Succeeded(PlanAgainst(people, units, NewTeamFile));

        Assert.Empty(second.UnitsToCreate);
        Assert.All(second.People, p => Assert.Equal(PersonUpsertKind.Update, p.Kind));
        Assert.All(second.People, p => Assert.Empty(p.ChangedColumns));
        Assert.Equal((0, 0, 3), (second.CreatedCount, second.UpdatedCount, second.UnchangedCount));
    }

    [Fact]
    public void An_update_names_each_changed_column()
    {
        var plan = Succeeded(Plan(
            HeaderWithHr,
            "CEO@northwind.test,Clara Chief,Chief Executive,Sales,cto@northwind.test,2010-01-05,,1971",
            "cto@northwind.test,Tom Tech,CTO,Engineering,,2012-03-01,,1980"));

        var ceo = plan.People.Single(p => p.Email == "ceo@northwind.test");
        Assert.Equal(["jobTitle", "orgUnit", "managerEmail", "hireDate", "gender", "birthYear"], ceo.ChangedColumns);
        var cto = plan.People.Single(p => p.Email == "cto@northwind.test");
        Assert.Equal(["managerEmail"], cto.ChangedColumns);
        Assert.Equal((0, 2, 0), (plan.CreatedCount, plan.UpdatedCount, plan.UnchangedCount));
    }

    [Fact]
    public void A_change_of_case_in_a_name_is_a_change_but_not_in_an_email()
    {
        var plan = Succeeded(Plan(Header, "CTO@Northwind.test,Tom TECH,CTO,Northwind/Engineering,ceo@northwind.test,2012-03-01"));

        Assert.Equal(["name"], plan.People[0].ChangedColumns);
    }

    [Fact]
    public void Without_HR_columns_the_stored_HR_attributes_are_kept()
    {
        var plan = Succeeded(Plan(Header, "ceo@northwind.test,Clara Chief,CEO,Northwind,,2010-01-04"));

        var ceo = Assert.Single(plan.People);
        Assert.Equal(("Female", (int?)1970), (ceo.Gender, ceo.BirthYear));
        Assert.False(ceo.HasChanges);
    }

    [Fact]
    public void Empty_HR_cells_clear_the_stored_HR_attributes()
    {
        var plan = Succeeded(Plan(HeaderWithHr, "ceo@northwind.test,Clara Chief,CEO,Northwind,,2010-01-04,,"));

        var ceo = Assert.Single(plan.People);
        Assert.Equal(((string?)null, (int?)null), (ceo.Gender, ceo.BirthYear));
        Assert.Equal(["gender", "birthYear"], ceo.ChangedColumns);
    }

    [Fact]
    public void An_inactive_person_in_the_file_is_reactivated()
    {
        var former = new PersonSnapshot(Guid.NewGuid(), "old@northwind.test", "Old Timer", null, Sales.Id, Ceo.Id,
            new DateOnly(2001, 1, 1), null, null, Active: false);

        var plan = Succeeded(PlanAgainst([.. People, former], Units,
            Header, "old@northwind.test,Old Timer,,Northwind/Sales,ceo@northwind.test,2001-01-01"));

        var upsert = Assert.Single(plan.People);
        Assert.Equal((PersonUpsertKind.Update, (Guid?)former.Id), (upsert.Kind, upsert.ExistingPersonId));
        Assert.Equal([PlannedPersonUpsert.ActiveColumn], upsert.ChangedColumns);
        Assert.Equal(1, plan.UpdatedCount);
    }

    [Fact]
    public void An_empty_file_plans_nothing()
    {
        var plan = Succeeded(Plan(Header));

        Assert.Empty(plan.People);
        Assert.Empty(plan.UnitsToCreate);
    }
}
