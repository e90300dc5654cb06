using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleImportPlannerOrgUnitTests
{
    private static readonly OrgUnitSnapshot Contoso = new(Guid.Parse("00000000-0000-0000-0000-0000000000c1"), "Contoso", null);
    private static readonly OrgUnitSnapshot ContosoSales = new(Guid.Parse("00000000-0000-0000-0000-0000000000c2"), "SALES", Contoso.Id);

    private static UnitOf Resolve(string orgUnit, params string[] moreRows) =>
        new(Plan([Header, $"a@northwind.test,A,,{orgUnit},,2020-01-01", .. moreRows]));

    private sealed record UnitOf(PeopleImportPlan Plan)
    {
        public PlannedOrgUnitReference Unit => Succeeded(Plan).People.Single(p => p.Line == 2).OrgUnit;
    }

    [Theory]
    [InlineData("Platform")]
    [InlineData("  platform ")]
    [InlineData("Northwind/Engineering/Platform")]
    [InlineData("northwind / ENGINEERING / platform")]
    [InlineData("/Northwind/Engineering/Platform")]
    public void A_stored_unit_resolves_by_unique_name_or_by_path(string value)
    {
        Assert.Equal(new PlannedOrgUnitReference(Platform.Id, "Northwind/Engineering/Platform"), Resolve(value).Unit);
        Assert.Empty(Resolve(value).Plan.UnitsToCreate);
    }

    [Theory]
    [InlineData("Northwind")]
    [InlineData("/Northwind")]
    public void A_root_unit_resolves_by_name_or_by_a_path_from_the_root(string value)
    {
        Assert.Equal(new PlannedOrgUnitReference(Northwind.Id, "Northwind"), Resolve(value).Unit);
    }

    [Fact]
    public void An_unknown_bare_name_is_created_once_under_the_root()
    {
        var plan = Succeeded(Plan(Header,
            "a@northwind.test,A,,Marketing,,2020-01-01",
            "b@northwind.test,B,,marketing ,,2020-01-01",
            "c@northwind.test,C,,MARKÉTING,,2020-01-01"));

        Assert.Equal([new PlannedOrgUnit("Northwind/Marketing", "Marketing", "Northwind", Northwind.Id)], plan.UnitsToCreate);
        Assert.All(plan.People, p => Assert.Equal(new PlannedOrgUnitReference(null, "Northwind/Marketing"), p.OrgUnit));
    }

    [Fact]
    public void With_several_roots_an_unknown_bare_name_is_an_error()
    {
        var plan = PeopleImportPlanner.Plan(
            Rows(Header, "a@northwind.test,A,,Marketing,,2020-01-01"), People, [.. Units, Contoso], Today);

        var error = SingleError(plan);
        Assert.Equal((2, "orgUnit"), (error.Line, error.Column));
        Assert.StartsWith("Unknown org unit 'Marketing'.", error.Message);
    }

    [Fact]
    public void On_an_empty_install_the_unit_of_the_person_without_a_manager_becomes_the_root()
    {
        var plan = Succeeded(PeopleImportPlanner.Plan(Rows(Header,
            "ceo@acme.test,Ceo,,Acme,,2020-01-01",
            "s@acme.test,S,,Sales,ceo@acme.test,2020-01-01",
            "e@acme.test,E,,Engineering,ceo@acme.test,2020-01-01",
            "f@acme.test,F,,sales,s@acme.test,2020-01-01"), [], [], Today));

        Assert.Equal(
            [
                new PlannedOrgUnit("Acme", "Acme", null, null),
                new PlannedOrgUnit("Acme/Sales", "Sales", "Acme", null),
                new PlannedOrgUnit("Acme/Engineering", "Engineering", "Acme", null),
            ],
            plan.UnitsToCreate);
        Assert.Equal(["Acme", "Acme/Sales", "Acme/Engineering", "Acme/Sales"], plan.People.OrderBy(p => p.Line).Select(p => p.OrgUnit.Path));
    }

    [Fact]
    public void On_an_empty_install_the_first_segment_of_the_paths_is_the_root()
    {
        var plan = Succeeded(PeopleImportPlanner.Plan(Rows(Header,
            "s@acme.test,S,,Acme/Sales,,2020-01-01",
            "d@acme.test,D,,Data,,2020-01-01",
            "e@acme.test,E,,acme/Engineering/Platform,,2020-01-01"), [], [], Today));

        Assert.Equal(
            ["Acme", "Acme/Sales", "Acme/Engineering", "Acme/Engineering/Platform", "Acme/Data"],
            plan.UnitsToCreate.Select(u => u.Path));
    }

    [Fact]
    public void On_an_empty_install_people_without_a_manager_in_different_units_are_refused_naming_their_lines()
    {
        var plan = PeopleImportPlanner.Plan(Rows(Header,
            "a@acme.test,A,,Sales,,2020-01-01",
            "b@acme.test,B,,Sales,a@acme.test,2020-01-01",
            "c@acme.test,C,,Engineering,,2020-01-01"), [], [], Today);

        Assert.False(plan.Succeeded);
        Assert.Equal([(2, "orgUnit"), (4, "orgUnit")], plan.Errors.Select(e => (e.Line, e.Column!)));
        Assert.Contains("different units (Sales, Engineering)", plan.Errors[0].Message);
    }

    [Fact]
    public void On_an_empty_install_paths_from_different_roots_are_refused()
    {
        var plan = PeopleImportPlanner.Plan(Rows(Header,
            "a@acme.test,A,,Acme/Sales,,2020-01-01",
            "b@acme.test,B,,Other/Sales,a@acme.test,2020-01-01"), [], [], Today);

        Assert.Equal([2, 3], plan.Errors.Select(e => e.Line));
        Assert.All(plan.Errors, e => Assert.Contains("(Acme, Other)", e.Message));
    }

    [Fact]
    public void A_path_must_start_at_a_stored_root_unit()
    {
        var error = SingleError(Resolve("Engineering/Platform").Plan);

        Assert.Equal(
            new PeopleImportError(2, "orgUnit",
                "Org unit path 'Engineering/Platform' must start with the name of an existing top-level unit; 'Engineering' is not one."),
            error);
    }

    [Theory]
    [InlineData("Northwind//Platform")]
    [InlineData("Northwind/Engineering/")]
    [InlineData("/")]
    public void A_path_with_an_empty_segment_is_an_error(string value)
    {
        var error = SingleError(Resolve(value).Plan);

        Assert.Equal((2, "orgUnit"), (error.Line, error.Column));
        Assert.Contains("has an empty segment", error.Message);
    }

    [Fact]
    public void A_new_unit_name_longer_than_200_characters_is_an_error()
    {
        var error = SingleError(Resolve($"Northwind/{new string('u', 201)}").Plan);

        Assert.Equal((2, "orgUnit"), (error.Line, error.Column));
        Assert.Contains("longer than 200 characters", error.Message);
    }

    [Fact]
    public void An_ambiguous_bare_name_lists_the_candidate_paths()
    {
        var plan = PeopleImportPlanner.Plan(
            Rows(Header, "a@northwind.test,A,,sales,,2020-01-01"), People, [.. Units, Contoso, ContosoSales], Today);

        Assert.Equal(
            new PeopleImportError(2, "orgUnit",
                "Org unit 'sales' is ambiguous; write one of these paths instead: Contoso/SALES, Northwind/Sales."),
            SingleError(plan));
    }

    [Fact]
    public void A_path_settles_a_name_that_is_ambiguous_on_its_own()
    {
        var plan = Succeeded(PeopleImportPlanner.Plan(
            Rows(Header, "a@northwind.test,A,,Contoso/Sales,,2020-01-01"), People, [.. Units, Contoso, ContosoSales], Today));

        Assert.Equal(new PlannedOrgUnitReference(ContosoSales.Id, "Contoso/SALES"), plan.People[0].OrgUnit);
    }

    [Fact]
    public void Missing_segments_of_a_path_are_created_once_parents_first()
    {
        var plan = Succeeded(Plan(
            Header,
            "a@northwind.test,A,,Northwind/Marketing/Brand,,2020-01-01",
            "b@northwind.test,B,,northwind/marketing/BRAND,,2020-01-01",
            "c@northwind.test,C,,Northwind/Engineering/Platform/Data,,2020-01-01",
            "d@northwind.test,D,,Northwind/Marketing,,2020-01-01",
            "e@northwind.test,E,,brand,,2020-01-01"));

        Assert.Equal(
            [
                new PlannedOrgUnit("Northwind/Marketing", "Marketing", "Northwind", Northwind.Id),
                new PlannedOrgUnit("Northwind/Marketing/Brand", "Brand", "Northwind/Marketing", null),
                new PlannedOrgUnit("Northwind/Engineering/Platform/Data", "Data", "Northwind/Engineering/Platform", Platform.Id),
            ],
            plan.UnitsToCreate);
        Assert.Equal(
            [
                new PlannedOrgUnitReference(null, "Northwind/Marketing/Brand"),
                new PlannedOrgUnitReference(null, "Northwind/Marketing/Brand"),
                new PlannedOrgUnitReference(null, "Northwind/Engineering/Platform/Data"),
                new PlannedOrgUnitReference(null, "Northwind/Marketing"),
                new PlannedOrgUnitReference(null, "Northwind/Marketing/Brand"),
            ],
            plan.People.Select(p => p.OrgUnit));
    }

    [Fact]
    public void A_bare_name_of_a_unit_the_file_creates_twice_over_is_ambiguous()
    {
        var plan = Plan(
            Header,
            "a@northwind.test,A,,Northwind/Marketing/Ops,,2020-01-01",
            "b@northwind.test,B,,Northwind/Sales/Ops,,2020-01-01",
            "c@northwind.test,C,,ops,,2020-01-01");

        Assert.Equal(
            new PeopleImportError(4, "orgUnit",
                "Org unit 'ops' is ambiguous; write one of these paths instead: Northwind/Marketing/Ops, Northwind/Sales/Ops."),
            SingleError(plan));
    }
}
