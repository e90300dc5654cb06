using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import.Support;

/// <summary>A small stored directory and helpers to write import files against it.</summary>
internal static class ImportData
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    public const string Header = "email,name,jobTitle,orgUnit,managerEmail,hireDate";
    public const string HeaderWithHr = Header + ",gender,birthYear";

    public static readonly OrgUnitSnapshot Northwind = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "Northwind", null);
    public static readonly OrgUnitSnapshot Engineering = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), "Engineering", Northwind.Id);
    public static readonly OrgUnitSnapshot Platform = new(Guid.Parse("00000000-0000-0000-0000-000000000003"), "Platform", Engineering.Id);
    public static readonly OrgUnitSnapshot Sales = new(Guid.Parse("00000000-0000-0000-0000-000000000004"), "Sales", Northwind.Id);

    public static IReadOnlyList<OrgUnitSnapshot> Units { get; } = [Northwind, Engineering, Platform, Sales];

    public static readonly PersonSnapshot Ceo = new(
        Guid.Parse("10000000-0000-0000-0000-000000000001"), "ceo@northwind.test", "Clara Chief", "CEO",
        Northwind.Id, null, new DateOnly(2010, 1, 4), "Female", 1970, Active: true);

    public static readonly PersonSnapshot Cto = new(
        Guid.Parse("10000000-0000-0000-0000-000000000002"), "cto@northwind.test", "Tom Tech", "CTO",
        Engineering.Id, Ceo.Id, new DateOnly(2012, 3, 1), null, 1980, Active: true);

    public static IReadOnlyList<PersonSnapshot> People { get; } = [Ceo, Cto];

    /// <summary>A file: the lines joined with LF.</summary>
    public static string Csv(params string[] lines) => string.Join("\n", lines);

    public static IReadOnlyList<PeopleCsvRow> Rows(params string[] lines)
    {
        var parsed = PeopleCsvParser.Parse(Csv(lines));
        Assert.True(parsed.Succeeded, string.Join(Environment.NewLine, parsed.Errors));
        return parsed.Rows;
    }

    public static PeopleImportPlan Plan(params string[] lines) => PeopleImportPlanner.Plan(Rows(lines), People, Units, Today);

    public static PeopleImportPlan PlanAgainst(
        IReadOnlyCollection<PersonSnapshot> people, IReadOnlyCollection<OrgUnitSnapshot> units, params string[] lines) =>
        PeopleImportPlanner.Plan(Rows(lines), people, units, Today);

    public static PeopleImportPlan Succeeded(PeopleImportPlan plan)
    {
        Assert.True(plan.Succeeded, string.Join(Environment.NewLine, plan.Errors));
        return plan;
    }

    public static PeopleImportError SingleError(PeopleImportPlan plan)
    {
        Assert.Empty(plan.UnitsToCreate);
        Assert.Empty(plan.People);
        return Assert.Single(plan.Errors);
    }
}
