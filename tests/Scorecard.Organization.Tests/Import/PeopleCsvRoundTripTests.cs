using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleCsvRoundTripTests
{
    private static readonly OrgUnitSnapshot Research = new(Guid.NewGuid(), "R&D, \"Labs\"", Engineering.Id);
    private static readonly OrgUnitSnapshot Formulas = new(Guid.NewGuid(), "=Formulas", Research.Id);
    private static readonly OrgUnitSnapshot SecondRoot = new(Guid.NewGuid(), "Holding", null);
    private static readonly OrgUnitSnapshot NestedNamesake = new(Guid.NewGuid(), "Holding", Sales.Id);

    private static IReadOnlyList<OrgUnitSnapshot> TrickyUnits { get; } = [.. Units, Research, Formulas, SecondRoot, NestedNamesake];

    private static IReadOnlyList<PersonSnapshot> TrickyPeople { get; } = BuildPeople();

    private static List<PersonSnapshot> BuildPeople()
    {
        PersonSnapshot P(string email, string name, string? title, Guid unit, Guid? manager, string? gender = null, int? year = null,
            bool active = true) =>
            new(Guid.NewGuid(), email, name, title, unit, manager, new DateOnly(2019, 12, 31), gender, year, active);

        var boss = P("Boss@Northwind.test", "=cmd|' /C calc'!A0", "+Chief, \"Top\"", SecondRoot.Id, null, "-", 1960);
        var gone = P("gone@northwind.test", "Gone", null, Sales.Id, boss.Id, active: false);
        return
        [
            Ceo, Cto, boss, gone,
            P("multi@northwind.test", "Line one\nLine two", "@home", Research.Id, gone.Id, "'apostrophe", 1999),
            P("plain@northwind.test", "O'Brien Ünïcødé", "'quoted title", Formulas.Id, Cto.Id, "Female", null),
            P("nested@northwind.test", "Nested", "", NestedNamesake.Id, boss.Id, null, 2000),
        ];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_export_imports_back_without_any_change(bool includeHrAttributes)
    {
        var csv = PeopleCsvWriter.Write(TrickyPeople, TrickyUnits, includeHrAttributes);

        var parsed = PeopleCsvParser.Parse("\uFEFF" + csv);
        Assert.True(parsed.Succeeded, string.Join(Environment.NewLine, parsed.Errors));
        var plan = PeopleImportPlanner.Plan(parsed.Rows, TrickyPeople, TrickyUnits, Today);

        Assert.True(plan.Succeeded, string.Join(Environment.NewLine, plan.Errors));
        Assert.Empty(plan.UnitsToCreate);
        Assert.Equal(6, plan.People.Count);
        Assert.All(plan.People, p => Assert.Empty(p.ChangedColumns));
        Assert.Equal((0, 0, 6), (plan.CreatedCount, plan.UpdatedCount, plan.UnchangedCount));
    }

    [Fact]
    public void The_exported_values_read_back_exactly()
    {
        var parsed = PeopleCsvParser.Parse(PeopleCsvWriter.Write(TrickyPeople, TrickyUnits, includeHrAttributes: true));

        var boss = parsed.Rows.Single(r => r.Email == "Boss@Northwind.test");
        Assert.Equal(
            new PeopleCsvRow(boss.Line, "Boss@Northwind.test", "=cmd|' /C calc'!A0", "+Chief, \"Top\"", "/Holding", "", "2019-12-31", "-", "1960"),
            boss);
        var multi = parsed.Rows.Single(r => r.Email == "multi@northwind.test");
        Assert.Equal(("Line one\nLine two", "@home", "Northwind/Engineering/R&D, \"Labs\"", "'apostrophe"),
            (multi.Name, multi.JobTitle, multi.OrgUnit, multi.Gender));
        var plain = parsed.Rows.Single(r => r.Email == "plain@northwind.test");
        Assert.Equal(("'quoted title", "Northwind/Engineering/R&D, \"Labs\"/=Formulas"), (plain.JobTitle, plain.OrgUnit));
    }
}
