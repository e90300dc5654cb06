using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleCsvParserHeaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n\r\n")]
    [InlineData("  \n")]
    public void An_empty_file_is_one_error_on_line_1(string content)
    {
        var result = PeopleCsvParser.Parse(content);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new PeopleImportError(1, null, "The file is empty."), error);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_file_that_starts_with_data_has_no_header()
    {
        var result = PeopleCsvParser.Parse(Csv("ann@northwind.test,Ann,Dev,Sales,,2020-01-01"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Null(error.Column);
        Assert.StartsWith("The first line must be a header", error.Message);
    }

    [Fact]
    public void A_blank_first_line_is_no_header()
    {
        var result = PeopleCsvParser.Parse("\n" + Header + "\nann@northwind.test,Ann,Dev,Sales,,2020-01-01");

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, (string?)null), (error.Line, error.Column));
        Assert.StartsWith("The first line must be a header", error.Message);
    }

    [Fact]
    public void Missing_required_columns_are_named_each_at_line_1()
    {
        var result = PeopleCsvParser.Parse(Csv("email,name,orgUnit,hireDate", "ann@northwind.test,Ann,Sales,2020-01-01"));

        Assert.Equal([(1, "jobTitle"), (1, "managerEmail")], result.Errors.Select(e => (e.Line, e.Column!)));
        Assert.All(result.Errors, e => Assert.Contains("missing: jobTitle, managerEmail", e.Message));
        Assert.Contains("'jobTitle'", result.Errors[0].Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Unknown_columns_are_an_error_naming_each_of_them()
    {
        var result = PeopleCsvParser.Parse(Csv(Header + ",department,Cost Center", "a@northwind.test,A,,Sales,,2020-01-01,X,Y"));

        Assert.Equal([(1, "department"), (1, "Cost Center")], result.Errors.Select(e => (e.Line, e.Column!)));
        Assert.StartsWith("Unknown column 'department'.", result.Errors[0].Message);
        Assert.StartsWith("Unknown column 'Cost Center'.", result.Errors[1].Message);
    }

    [Fact]
    public void A_column_named_twice_is_a_duplicate_header_whatever_its_case()
    {
        var result = PeopleCsvParser.Parse(Csv(Header + ",EMAIL"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "email"), (error.Line, error.Column));
        Assert.Equal("Column 'email' appears more than once in the header (columns 1 and 7).", error.Message);
    }

    [Fact]
    public void A_header_cell_without_a_name_is_reported_by_its_column_number()
    {
        var result = PeopleCsvParser.Parse(Csv("email,,name,jobTitle,orgUnit,managerEmail,hireDate"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "2"), (error.Line, error.Column));
        Assert.Equal("Header column 2 has no name.", error.Message);
    }

    [Fact]
    public void Header_problems_are_all_reported_together()
    {
        var result = PeopleCsvParser.Parse(Csv("Email,name,name,orgUnit,extra,hireDate"));

        Assert.Equal(
            [(1, "name"), (1, "extra"), (1, "jobTitle"), (1, "managerEmail")],
            result.Errors.Select(e => (e.Line, e.Column!)));
    }

    [Fact]
    public void Header_names_are_case_insensitive_trimmed_and_in_any_order()
    {
        var result = PeopleCsvParser.Parse(Csv(
            " HireDate ,ManagerEmail,ORGUNIT,JobTitle,Name,EMAIL,BIRTHYEAR,Gender",
            "2020-01-01,boss@northwind.test,Sales,Rep,Ann,ann@northwind.test,1990,F"));

        Assert.True(result.Succeeded);
        Assert.Equal(
            new PeopleCsvRow(2, "ann@northwind.test", "Ann", "Rep", "Sales", "boss@northwind.test", "2020-01-01", "F", "1990"),
            Assert.Single(result.Rows));
    }

    [Fact]
    public void Optional_columns_are_null_when_absent_and_empty_text_when_blank()
    {
        var without = PeopleCsvParser.Parse(Csv(Header, "a@northwind.test,A,,Sales,,2020-01-01"));
        var blank = PeopleCsvParser.Parse(Csv(HeaderWithHr, "a@northwind.test,A,,Sales,,2020-01-01,,"));

        Assert.Null(without.Rows[0].Gender);
        Assert.Null(without.Rows[0].BirthYear);
        Assert.Equal("", blank.Rows[0].Gender);
        Assert.Equal("", blank.Rows[0].BirthYear);
    }

    [Fact]
    public void A_header_only_file_has_no_rows_and_no_errors()
    {
        var result = PeopleCsvParser.Parse(Header + "\r\n");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Rows);
    }
}
