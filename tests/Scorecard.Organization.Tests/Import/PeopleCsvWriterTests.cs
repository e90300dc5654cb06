using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleCsvWriterTests
{
    private static PersonSnapshot Person(string email, string name, Guid unitId, Guid? managerId = null, string? jobTitle = null,
        string? gender = null, int? birthYear = null, bool active = true) =>
        new(Guid.NewGuid(), email, name, jobTitle, unitId, managerId, new DateOnly(2020, 2, 3), gender, birthYear, active);

    [Fact]
    public void Without_HR_access_the_header_and_rows_have_the_six_required_columns()
    {
        var csv = PeopleCsvWriter.Write(People, Units, includeHrAttributes: false);

        Assert.Equal(
            "email,name,jobTitle,orgUnit,managerEmail,hireDate\r\n" +
            "ceo@northwind.test,Clara Chief,CEO,Northwind,,2010-01-04\r\n" +
            "cto@northwind.test,Tom Tech,CTO,Northwind/Engineering,ceo@northwind.test,2012-03-01\r\n",
            csv);
    }

    [Fact]
    public void With_HR_access_gender_and_birth_year_are_added()
    {
        var csv = PeopleCsvWriter.Write(People, Units, includeHrAttributes: true);

        Assert.Equal(
            "email,name,jobTitle,orgUnit,managerEmail,hireDate,gender,birthYear\r\n" +
            "ceo@northwind.test,Clara Chief,CEO,Northwind,,2010-01-04,Female,1970\r\n" +
            "cto@northwind.test,Tom Tech,CTO,Northwind/Engineering,ceo@northwind.test,2012-03-01,,1980\r\n",
            csv);
    }

    [Fact]
    public void Commas_quotes_line_breaks_and_edge_blanks_are_quoted()
    {
        var person = Person("a@northwind.test", "Smith, \"Ann\"", Platform.Id, jobTitle: "Lead\nof things") with { Gender = " x" };

        var csv = PeopleCsvWriter.Write([person], Units, includeHrAttributes: true);

        Assert.EndsWith(
            "\r\na@northwind.test,\"Smith, \"\"Ann\"\"\",\"Lead\nof things\",Northwind/Engineering/Platform,,2020-02-03,\" x\",\r\n",
            csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-x", "'-x")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("'quoted", "''quoted")]
    [InlineData("O'Brien", "O'Brien")]
    public void Cells_a_spreadsheet_would_run_get_a_leading_apostrophe(string name, string written)
    {
        var csv = PeopleCsvWriter.Write([Person("a@northwind.test", name, Sales.Id)], Units, includeHrAttributes: false);

        Assert.Equal($"a@northwind.test,{written},,Northwind/Sales,,2020-02-03", csv.Split("\r\n")[1]);
    }

    [Fact]
    public void Only_active_people_are_written_and_a_manager_may_be_inactive()
    {
        var formerBoss = Person("boss@northwind.test", "Former Boss", Sales.Id, active: false);
        var report = Person("rep@northwind.test", "Rep", Sales.Id, formerBoss.Id);

        var lines = PeopleCsvWriter.Write([formerBoss, report], Units, includeHrAttributes: false).Split("\r\n");

        Assert.Equal(["rep@northwind.test,Rep,,Northwind/Sales,boss@northwind.test,2020-02-03", ""], lines[1..]);
    }

    [Fact]
    public void A_root_unit_whose_name_is_not_unique_is_written_as_a_path_from_the_root()
    {
        var nested = new OrgUnitSnapshot(Guid.NewGuid(), "northwind", Sales.Id);
        var atRoot = Person("a@northwind.test", "A", Northwind.Id);
        var inNested = Person("b@northwind.test", "B", nested.Id);

        var lines = PeopleCsvWriter.Write([atRoot, inNested], [.. Units, nested], includeHrAttributes: false).Split("\r\n");

        Assert.Equal("a@northwind.test,A,,/Northwind,,2020-02-03", lines[1]);
        Assert.Equal("b@northwind.test,B,,Northwind/Sales/northwind,,2020-02-03", lines[2]);
    }

    [Fact]
    public void People_are_written_by_name()
    {
        var csv = PeopleCsvWriter.Write(
            [Person("z@northwind.test", "zed", Sales.Id), Person("a@northwind.test", "Yan", Sales.Id), Person("m@northwind.test", "Abe", Sales.Id)],
            Units, includeHrAttributes: false);

        Assert.Equal(["m@northwind.test", "a@northwind.test", "z@northwind.test"],
            csv.Split("\r\n").Skip(1).SkipLast(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void A_manager_missing_from_the_snapshot_is_refused()
    {
        var orphan = Person("a@northwind.test", "A", Sales.Id, managerId: Guid.NewGuid());

        Assert.Throws<ArgumentException>(() => PeopleCsvWriter.Write([orphan], Units, includeHrAttributes: false));
    }

    [Fact]
    public void A_unit_missing_from_the_snapshot_is_refused()
    {
        var lost = Person("a@northwind.test", "A", Guid.NewGuid());

        Assert.Throws<ArgumentException>(() => PeopleCsvWriter.Write([lost], Units, includeHrAttributes: false));
    }
}
