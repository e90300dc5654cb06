using Scorecard.Organization.Domain.Import;

namespace Scorecard.Organization.Tests.Import;

using static Scorecard.Organization.Tests.Import.Support.ImportData;

public sealed class PeopleImportPlannerFieldTests
{
    private static PeopleImportError ErrorOf(string row, string header = Header) => SingleError(Plan(header, row));

    [Theory]
    [InlineData(",Ann,,Sales,,2020-01-01", "The e-mail address is required.")]
    [InlineData("   ,Ann,,Sales,,2020-01-01", "The e-mail address is required.")]
    [InlineData("ann,Ann,,Sales,,2020-01-01", "'ann' is not a valid e-mail address.")]
    [InlineData("ann@northwind,Ann,,Sales,,2020-01-01", "'ann@northwind' is not a valid e-mail address.")]
    [InlineData("Ann <ann@northwind.test>,Ann,,Sales,,2020-01-01", "'Ann <ann@northwind.test>' is not a valid e-mail address.")]
    [InlineData("ann smith@northwind.test,Ann,,Sales,,2020-01-01", "'ann smith@northwind.test' is not a valid e-mail address.")]
    public void A_missing_or_malformed_email_is_reported_in_the_email_column(string row, string message)
    {
        Assert.Equal(new PeopleImportError(2, "email", message), ErrorOf(row));
    }

    [Fact]
    public void A_repeated_email_is_reported_on_its_second_line_naming_the_first()
    {
        var plan = Plan(Header,
            "ann@northwind.test,Ann,,Sales,,2020-01-01",
            "bob@northwind.test,Bob,,Sales,,2020-01-01",
            " ANN@Northwind.TEST ,Ann Again,,Sales,,2020-01-01");

        Assert.Equal(
            new PeopleImportError(4, "email", "The e-mail address 'ann@northwind.test' already appears on line 2."),
            SingleError(plan));
    }

    [Fact]
    public void A_name_is_required_and_at_most_200_characters()
    {
        Assert.Equal(new PeopleImportError(2, "name", "The name is required."), ErrorOf("a@northwind.test, ,,Sales,,2020-01-01"));
        Assert.Equal(
            new PeopleImportError(2, "name", "The name is longer than 200 characters."),
            ErrorOf($"a@northwind.test,{new string('n', 201)},,Sales,,2020-01-01"));
        Assert.True(Plan(Header, $"a@northwind.test,{new string('n', 200)},,Sales,,2020-01-01").Succeeded);
    }

    [Fact]
    public void A_job_title_is_optional_and_at_most_200_characters()
    {
        Assert.Equal(
            new PeopleImportError(2, "jobTitle", "The job title is longer than 200 characters."),
            ErrorOf($"a@northwind.test,A,{new string('t', 201)},Sales,,2020-01-01"));
        var planned = Succeeded(Plan(Header, $"a@northwind.test,A,{new string('t', 200)},Sales,,2020-01-01", "b@northwind.test,B,  ,Sales,,2020-01-01"));
        Assert.Equal(200, planned.People[0].JobTitle!.Length);
        Assert.Null(planned.People[1].JobTitle);
    }

    [Theory]
    [InlineData("2020/01/05", "'2020/01/05' is not a date in the form yyyy-MM-dd.")]
    [InlineData("05-01-2020", "'05-01-2020' is not a date in the form yyyy-MM-dd.")]
    [InlineData("2020-1-5", "'2020-1-5' is not a date in the form yyyy-MM-dd.")]
    [InlineData("2020-02-30", "'2020-02-30' is not a date in the form yyyy-MM-dd.")]
    [InlineData("2025-07-01", "The hire date 2025-07-01 is in the future.")]
    [InlineData("1899-12-31", "The hire date 1899-12-31 is before 1900.")]
    [InlineData("", "The hire date is required (yyyy-MM-dd).")]
    public void A_bad_hire_date_is_reported_in_the_hireDate_column(string date, string message)
    {
        Assert.Equal(new PeopleImportError(2, "hireDate", message), ErrorOf($"a@northwind.test,A,,Sales,,{date}"));
    }

    [Fact]
    public void A_hire_date_of_today_is_accepted()
    {
        Assert.Equal(Today, Succeeded(Plan(Header, "a@northwind.test,A,,Sales,,2025-06-30")).People[0].HireDate);
    }

    [Theory]
    [InlineData("19x5", "'19x5' is not a year; write the birth year as four digits, such as 1985.")]
    [InlineData("-1990", "'-1990' is not a year; write the birth year as four digits, such as 1985.")]
    [InlineData("1990.0", "'1990.0' is not a year; write the birth year as four digits, such as 1985.")]
    [InlineData("1899", "The birth year 1899 must be between 1900 and 2025.")]
    [InlineData("2026", "The birth year 2026 must be between 1900 and 2025.")]
    public void A_bad_birth_year_is_reported_in_the_birthYear_column(string year, string message)
    {
        Assert.Equal(
            new PeopleImportError(2, "birthYear", message),
            ErrorOf($"a@northwind.test,A,,Sales,,2020-01-01,,{year}", HeaderWithHr));
    }

    [Theory]
    [InlineData("1900", 1900)]
    [InlineData("2025", 2025)]
    [InlineData(" 1985 ", 1985)]
    [InlineData("", null)]
    public void A_birth_year_is_optional_between_1900_and_this_year(string year, int? expected)
    {
        var plan = Succeeded(Plan(HeaderWithHr, $"a@northwind.test,A,,Sales,,2020-01-01,,{year}"));

        Assert.Equal(expected, plan.People[0].BirthYear);
    }

    [Fact]
    public void A_gender_is_optional_trimmed_and_at_most_50_characters()
    {
        Assert.Equal(
            new PeopleImportError(2, "gender", "The gender is longer than 50 characters."),
            ErrorOf($"a@northwind.test,A,,Sales,,2020-01-01,{new string('g', 51)},", HeaderWithHr));

        var plan = Succeeded(Plan(HeaderWithHr,
            $"a@northwind.test,A,,Sales,,2020-01-01,  Non-binary  ,",
            $"b@northwind.test,B,,Sales,,2020-01-01,{new string('g', 50)},",
            "c@northwind.test,C,,Sales,,2020-01-01,,"));
        Assert.Equal(["Non-binary", new string('g', 50), null], plan.People.Select(p => p.Gender));
    }

    [Fact]
    public void An_org_unit_is_required()
    {
        Assert.Equal(new PeopleImportError(2, "orgUnit", "The org unit is required."), ErrorOf("a@northwind.test,A,,,,2020-01-01"));
    }

    [Fact]
    public void Emails_are_normalised_to_lower_case_and_trimmed()
    {
        var plan = Succeeded(Plan(Header,
            " Ann@NorthWind.Test ,Ann,,Sales,,2020-01-01",
            "bob@northwind.test,Bob,,Sales, ANN@northwind.test ,2020-01-01"));

        Assert.Equal(["ann@northwind.test", "bob@northwind.test"], plan.People.Select(p => p.Email));
        Assert.Equal(new PlannedManagerReference(null, "ann@northwind.test"), plan.People[1].Manager);
    }

    [Fact]
    public void Names_and_titles_are_trimmed()
    {
        var person = Succeeded(Plan(Header, "a@northwind.test,  Ann Lee ,  Engineer ,Sales,,2020-01-01")).People[0];

        Assert.Equal(("Ann Lee", "Engineer"), (person.Name, person.JobTitle));
    }
}
