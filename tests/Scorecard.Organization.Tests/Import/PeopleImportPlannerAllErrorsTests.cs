using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleImportPlannerAllErrorsTests
{
    [Fact]
    public void Every_problem_of_every_row_is_reported_by_line_and_the_plan_holds_nothing_else()
    {
        var plan = Plan(
            HeaderWithHr,
            "ok@northwind.test,Okay,,Sales,ceo@northwind.test,2020-01-01,,",
            "not-an-email,,,Atlantis/Deep,ghost@northwind.test,2020-13-01,,1850",
            "OK@northwind.test,Copy,,Sales,,2099-01-01,,",
            "self@northwind.test,Self,,Northwind/Marketing,self@northwind.test,2020-01-01,,",
            "p@northwind.test,P,,Sales,q@northwind.test,2020-01-01,,",
            "q@northwind.test,Q,,Sales,p@northwind.test,2020-01-01,,",
            $",{new string('x', 201)},,,,,{new string('g', 51)},");

        Assert.Equal(
            [
                (3, "email"), (3, "name"), (3, "hireDate"), (3, "birthYear"), (3, "managerEmail"), (3, "orgUnit"),
                (4, "hireDate"), (4, "email"),
                (5, "managerEmail"),
                (6, "managerEmail"),
                (8, "email"), (8, "name"), (8, "orgUnit"), (8, "hireDate"), (8, "gender"),
            ],
            plan.Errors.Select(e => (e.Line, e.Column!)));
        Assert.Contains("already appears on line 2", plan.Errors.Single(e => e.Line == 4 && e.Column == "email").Message);
        Assert.StartsWith("Reporting cycle on lines 6, 7:", plan.Errors.Single(e => e.Line == 6).Message);
        Assert.Empty(plan.UnitsToCreate);
        Assert.Empty(plan.People);
        Assert.False(plan.Succeeded);
    }
}
