using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

/// <summary>Quoting as CsvHelper reads it, with the line and column the import reports.</summary>
public sealed class PeopleCsvParserQuotingTests
{
    [Fact]
    public void Quoted_fields_with_line_breaks_keep_them_and_later_lines_keep_their_physical_numbers()
    {
        var result = PeopleCsvParser.Parse(
            "\uFEFF\"email\",\"name\",jobTitle,orgUnit,managerEmail,hireDate\r\n" +
            "a@northwind.test,\"Ann\r\nLee\",\"Lead,\nthree\nlines\",Sales,,2020-01-01\r\n" +
            "b@northwind.test,Bo,,Sales,,2020-01-01\r\n");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("Ann\r\nLee", result.Rows[0].Name);
        Assert.Equal("Lead,\nthree\nlines", result.Rows[0].JobTitle);
        Assert.Equal([2, 6], result.Rows.Select(r => r.Line));   // the second record spans lines 2 to 5
    }

    [Fact]
    public void A_bad_quote_after_a_multi_line_record_is_reported_at_its_line_and_column()
    {
        var result = PeopleCsvParser.Parse(Csv(
            Header,
            "a@northwind.test,\"Ann\nLee\",,Sales,,2020-01-01",
            "b@northwind.test,Bo,\"Lead\"er,Sales,,2020-01-01",
            "c@northwind.test,Cy,,Sales,,2020-01-01"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "jobTitle"), (error.Line, error.Column));
        Assert.Contains("must be written as \"\"", error.Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_at_the_line_where_its_record_starts_and_its_column()
    {
        var result = PeopleCsvParser.Parse(Csv(
            Header,
            "a@northwind.test,\"Ann\nLee\",,Sales,,2020-01-01",
            "b@northwind.test,Bo,,\"Sales,,2020-01-01",
            "c@northwind.test,Cy,,Sales,,2020-01-01"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "orgUnit"), (error.Line, error.Column));
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_and_non_ASCII_text_read_back_as_written()
    {
        var result = PeopleCsvParser.Parse("\uFEFF" + Csv(Header, "åsa@northwind.test,\"Åsa Öberg, \"\"Ö\"\"\",Ingénieure,Sales,,2020-01-01"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var row = Assert.Single(result.Rows);
        Assert.Equal(("Åsa Öberg, \"Ö\"", "Ingénieure"), (row.Name, row.JobTitle));
    }
}
