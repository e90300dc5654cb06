using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleImportPlannerManagerTests
{
    [Fact]
    public void A_manager_neither_in_the_file_nor_stored_is_unknown()
    {
        var error = SingleError(Plan(Header,
            "a@northwind.test,A,,Sales,ceo@northwind.test,2020-01-01",
            "b@northwind.test,B,,Sales,a@northwind.test,2020-01-01",
            "c@northwind.test,C,,Sales,Nobody@Northwind.test,2020-01-01"));

        Assert.Equal(
            new PeopleImportError(4, "managerEmail",
                "Unknown manager 'nobody@northwind.test': no row of the file and no existing person has this e-mail address."),
            error);
    }

    [Fact]
    public void A_manager_whose_own_row_is_invalid_is_not_reported_again_as_unknown()
    {
        var plan = Plan(Header,
            "boss@northwind,Boss,,Sales,,2020-01-01",
            "b@northwind.test,B,,Sales,boss@northwind,2020-01-01");

        Assert.Equal([(2, "email")], plan.Errors.Select(e => (e.Line, e.Column!)));
    }

    [Fact]
    public void A_person_cannot_manage_themselves()
    {
        var error = SingleError(Plan(Header, "a@northwind.test,A,,Sales,A@northwind.test,2020-01-01"));

        Assert.Equal(new PeopleImportError(2, "managerEmail", "A person cannot be their own manager."), error);
    }

    [Fact]
    public void An_empty_manager_makes_a_top_person()
    {
        var plan = Succeeded(Plan(Header, "a@northwind.test,A,,Sales,,2020-01-01", "b@northwind.test,B,,Sales,,2020-01-01"));

        Assert.All(plan.People, p => Assert.Null(p.Manager));
    }

    [Fact]
    public void A_cycle_within_the_file_is_one_error_on_its_first_line_listing_every_line()
    {
        var error = SingleError(Plan(Header,
            "x@northwind.test,X,,Sales,ceo@northwind.test,2020-01-01",
            "c@northwind.test,C,,Sales,a@northwind.test,2020-01-01",
            "a@northwind.test,A,,Sales,b@northwind.test,2020-01-01",
            "b@northwind.test,B,,Sales,c@northwind.test,2020-01-01"));

        Assert.Equal((3, "managerEmail"), (error.Line, error.Column));
        Assert.Equal(
            "Reporting cycle on lines 3, 4, 5: c@northwind.test (line 3) -> a@northwind.test (line 4) -> " +
            "b@northwind.test (line 5) -> c@northwind.test. Following managers upwards must end at someone without a manager.",
            error.Message);
    }

    [Fact]
    public void A_cycle_through_stored_people_not_in_the_file_is_reported_with_the_file_lines()
    {
        // Stored: the CTO reports to the CEO. The file makes the CEO report to a new VP who reports to the CTO.
        var error = SingleError(Plan(Header,
            "vp@northwind.test,Vera VP,,Sales,cto@northwind.test,2020-01-01",
            "ceo@northwind.test,Clara Chief,CEO,Northwind,vp@northwind.test,2010-01-04"));

        Assert.Equal((2, "managerEmail"), (error.Line, error.Column));
        Assert.Equal(
            "Reporting cycle on lines 2, 3: vp@northwind.test (line 2) -> cto@northwind.test (existing person) -> " +
            "ceo@northwind.test (line 3) -> vp@northwind.test. Following managers upwards must end at someone without a manager.",
            error.Message);
    }

    [Fact]
    public void A_stored_manager_changed_by_the_file_is_not_a_cycle()
    {
        // Stored: CTO -> CEO. The file turns it around: CEO -> CTO, and the CTO gets no manager.
        var plan = Plan(Header,
            "ceo@northwind.test,Clara Chief,CEO,Northwind,cto@northwind.test,2010-01-04",
            "cto@northwind.test,Tom Tech,CTO,Engineering,,2012-03-01");

        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
    }

    [Fact]
    public void Turning_a_stored_line_around_without_the_other_person_in_the_file_is_a_cycle()
    {
        var error = SingleError(Plan(Header, "ceo@northwind.test,Clara Chief,CEO,Northwind,cto@northwind.test,2010-01-04"));

        Assert.Equal((2, "managerEmail"), (error.Line, error.Column));
        Assert.StartsWith(
            "Reporting cycle on line 2: ceo@northwind.test (line 2) -> cto@northwind.test (existing person) -> ceo@northwind.test.",
            error.Message);
    }

    [Fact]
    public void Managers_resolve_to_stored_ids_or_to_people_the_file_creates()
    {
        var plan = Succeeded(Plan(Header,
            "b@northwind.test,B,,Sales,a@northwind.test,2020-01-01",
            "a@northwind.test,A,,Sales,CTO@northwind.test,2020-01-01",
            "cto@northwind.test,Tom Tech,CTO,Engineering,ceo@northwind.test,2012-03-01"));

        var byEmail = plan.People.ToDictionary(p => p.Email);
        Assert.Equal(new PlannedManagerReference(null, "a@northwind.test"), byEmail["b@northwind.test"].Manager);
        Assert.Equal(new PlannedManagerReference(Cto.Id, "cto@northwind.test"), byEmail["a@northwind.test"].Manager);
        Assert.Equal(new PlannedManagerReference(Ceo.Id, "ceo@northwind.test"), byEmail["cto@northwind.test"].Manager);
    }

    [Fact]
    public void People_are_planned_after_their_managers_in_the_file()
    {
        var plan = Succeeded(Plan(Header,
            "c@northwind.test,C,,Sales,b@northwind.test,2020-01-01",
            "x@northwind.test,X,,Sales,,2020-01-01",
            "b@northwind.test,B,,Sales,a@northwind.test,2020-01-01",
            "a@northwind.test,A,,Sales,,2020-01-01"));

        Assert.Equal([5, 4, 2, 3], plan.People.Select(p => p.Line));
    }
}
