using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleCsvParserRecordTests
{
    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        var result = PeopleCsvParser.Parse(Csv(
            Header,
            "ann@northwind.test,\"Smith, Ann \"\"Annie\"\"\",\"Lead\nof \"\"things\"\"\",Sales,,2020-01-01",
            "bob@northwind.test,\"\",\"\",\"Sales\",\"\",\"2021-02-03\""));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("Smith, Ann \"Annie\"", result.Rows[0].Name);
        Assert.Equal("Lead\nof \"things\"", result.Rows[0].JobTitle);
        Assert.Equal(new PeopleCsvRow(4, "bob@northwind.test", "", "", "Sales", "", "2021-02-03"), result.Rows[1]);
    }

    [Fact]
    public void Line_numbers_are_physical_lines_where_the_record_starts()
    {
        var result = PeopleCsvParser.Parse(Csv(
            Header,
            "a@northwind.test,\"A\nwith\nbreaks\",,Sales,,2020-01-01",
            "",
            "b@northwind.test,B,,Sales,,2020-01-01"));

        Assert.Equal([2, 6], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public void CRLF_LF_and_CR_line_breaks_read_alike()
    {
        string[] lines = [Header, "a@northwind.test,A,,Sales,,2020-01-01", "b@northwind.test,B,,Sales,,2020-01-02"];

        var lf = PeopleCsvParser.Parse(string.Join("\n", lines));
        var crlf = PeopleCsvParser.Parse(string.Join("\r\n", lines) + "\r\n");
        var cr = PeopleCsvParser.Parse(string.Join("\r", lines));

        Assert.Equal(2, lf.Rows.Count);
        Assert.Equal(lf.Rows, crlf.Rows);
        Assert.Equal(lf.Rows, cr.Rows);
    }

    [Fact]
    public void A_CRLF_inside_quotes_is_kept_and_counts_as_one_line()
    {
        var result = PeopleCsvParser.Parse(
            Header + "\r\na@northwind.test,\"A\r\nB\",,Sales,,2020-01-01\r\nb@northwind.test,B,,Sales,,2020-01-01\r\n");

        Assert.Equal("A\r\nB", result.Rows[0].Name);
        Assert.Equal([2, 4], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_UTF8_byte_order_mark_before_the_header_is_ignored()
    {
        var result = PeopleCsvParser.Parse("\uFEFF" + Csv(Header, "a@northwind.test,A,,Sales,,2020-01-01"));

        Assert.True(result.Succeeded);
        Assert.Equal("a@northwind.test", Assert.Single(result.Rows).Email);
    }

    [Fact]
    public void A_trailing_empty_line_and_blank_lines_make_no_rows()
    {
        var result = PeopleCsvParser.Parse(Csv(Header, "a@northwind.test,A,,Sales,,2020-01-01", "", "   ", "b@northwind.test,B,,Sales,,2020-01-01", ""));

        Assert.True(result.Succeeded);
        Assert.Equal([2, 5], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_text()
    {
        var result = PeopleCsvParser.Parse(Csv(Header, "a@northwind.test,Ann 5'6\" tall,,Sales,,2020-01-01"));

        Assert.Equal("Ann 5'6\" tall", Assert.Single(result.Rows).Name);
    }

    [Fact]
    public void Spaces_are_kept_in_unquoted_fields_and_ignored_after_a_closing_quote()
    {
        var result = PeopleCsvParser.Parse(Csv(Header, " a@northwind.test ,\"Ann\"  ,,Sales,,2020-01-01"));

        Assert.Equal(" a@northwind.test ", result.Rows[0].Email);
        Assert.Equal("Ann", result.Rows[0].Name);
    }

    [Fact]
    public void A_row_with_fewer_fields_names_the_first_missing_column()
    {
        var result = PeopleCsvParser.Parse(Csv(Header, "a@northwind.test,A,,Sales,,2020-01-01", "b@northwind.test,B,,Sales"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "managerEmail"), (error.Line, error.Column));
        Assert.Equal("The record has 4 fields but the header has 6 (fewer than the header).", error.Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void A_row_with_more_fields_names_the_first_extra_column_by_number()
    {
        var result = PeopleCsvParser.Parse(Csv(Header, "b@northwind.test,B,,Sales,,2020-01-01,extra,more"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "7"), (error.Line, error.Column));
        Assert.Equal("The record has 8 fields but the header has 6 (more than the header).", error.Message);
    }

    [Fact]
    public void A_trailing_comma_is_one_more_field()
    {
        var result = PeopleCsvParser.Parse(Csv(Header, "b@northwind.test,B,,Sales,,2020-01-01,"));

        Assert.Equal((2, "7"), (result.Errors[0].Line, result.Errors[0].Column));
    }

    [Fact]
    public void An_unterminated_quote_is_reported_where_its_record_starts()
    {
        var result = PeopleCsvParser.Parse(Csv(
            Header,
            "a@northwind.test,A,,Sales,,2020-01-01",
            "b@northwind.test,\"Bob",
            "b@northwind.test,B,,Sales,,2020-01-01"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "name"), (error.Line, error.Column));
        Assert.Contains("never closed", error.Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void An_unterminated_quote_in_the_header_is_reported_by_column_number()
    {
        var result = PeopleCsvParser.Parse("email,name,jobTitle,orgUnit,managerEmail,\"hireDate\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "6"), (error.Line, error.Column));
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_in_that_column()
    {
        var result = PeopleCsvParser.Parse(Csv(Header, "a@northwind.test,A,\"Lead\"er,Sales,,2020-01-01"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "jobTitle"), (error.Line, error.Column));
        Assert.Contains("must be written as \"\"", error.Message);
    }

    [Fact]
    public void Every_malformed_record_is_reported()
    {
        var result = PeopleCsvParser.Parse(Csv(
            Header,
            "a@northwind.test,A,,Sales",
            "b@northwind.test,B,,Sales,,2020-01-01",
            "c@northwind.test,\"C\"x,,Sales,,2020-01-01",
            "d@northwind.test,D,,Sales,,2020-01-01,,"));

        Assert.Equal([(2, "managerEmail"), (4, "name"), (5, "7")], result.Errors.Select(e => (e.Line, e.Column!)));
        Assert.Empty(result.Rows);
    }

    [Theory]
    [InlineData("'=SUM(A1)", "=SUM(A1)")]
    [InlineData("'+1", "+1")]
    [InlineData("'-1", "-1")]
    [InlineData("'@x", "@x")]
    [InlineData("''quoted", "'quoted")]
    [InlineData("'plain", "'plain")]
    [InlineData("'", "'")]
    [InlineData("O'Brien", "O'Brien")]
    public void A_leading_apostrophe_guarding_a_formula_is_removed(string cell, string expected)
    {
        var result = PeopleCsvParser.Parse(Csv(Header, $"a@northwind.test,\"{cell}\",{cell},Sales,,2020-01-01"));

        Assert.Equal(expected, result.Rows[0].Name);
        Assert.Equal(expected, result.Rows[0].JobTitle);
    }
}
