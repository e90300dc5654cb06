using Scorecard.Okr.Domain;
using Scorecard.Platform;

namespace Scorecard.Okr.Tests.Domain;

public sealed class OkrPeriodTests
{
    [Theory]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "Quarter", "2026-Q1")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31", "Quarter", "2026-Q4")]
    [InlineData(" 2026-q2 ", "2026-04-01", "2026-06-30", "Quarter", "2026-Q2")]
    [InlineData("2026-H1", "2026-01-01", "2026-06-30", "Half", "2026-H1")]
    [InlineData("2026-H2", "2026-07-01", "2026-12-31", "Half", "2026-H2")]
    [InlineData("2026", "2026-01-01", "2026-12-31", "Year", "2026")]
    [InlineData("2026-01-15..2026-03-31", "2026-01-15", "2026-03-31", "Custom", "2026-01-15..2026-03-31")]
    [InlineData("2026-01-15/2026-03-31", "2026-01-15", "2026-03-31", "Custom", "2026-01-15..2026-03-31")]
    public void Parses_each_form(string text, string start, string end, string kind, string code)
    {
        var period = OkrPeriod.Parse(text);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(Enum.Parse<OkrPeriodKind>(kind), period.Kind);
        Assert.Equal(code, period.Code);
        Assert.Equal(code, period.ToString());
        Assert.Equal(period, OkrPeriod.Parse(period.Code));
    }

    [Theory]
    [InlineData("2026-Q5", "Quarter must be 1 to 4")]
    [InlineData("2026-H3", "Half must be 1 or 2")]
    [InlineData("2026-03-31..2026-01-15", "must not end")]
    [InlineData("2026-02-30..2026-03-31", "not a calendar date")]
    [InlineData("Q4 2026", "is not a period")]
    [InlineData("", "A period is required")]
    [InlineData(null, "A period is required")]
    public void Rejects_bad_text_with_a_clear_reason(string? text, string expected)
    {
        var ex = Assert.Throws<BadInputException>(() => OkrPeriod.Parse(text));

        Assert.Equal("period", ex.Field);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.False(OkrPeriod.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Leap_year_quarter_one_has_91_days()
    {
        Assert.Equal(91, OkrPeriod.Parse("2028-Q1").TotalDays);
        Assert.Equal(90, OkrPeriod.Parse("2026-Q1").TotalDays);
    }

    [Theory]
    [InlineData("2026-09-30", 0.0)]         // day before the start
    [InlineData("2026-10-01", 1.0 / 92)]    // the first day counts as elapsed at its end
    [InlineData("2026-11-15", 0.5)]         // 31 + 15 = 46 of 92 days
    [InlineData("2026-12-31", 1.0)]
    [InlineData("2027-02-01", 1.0)]         // clamped
    public void Elapsed_fraction_is_clamped_and_counts_the_day_itself(string asOf, double expected)
    {
        var q4 = OkrPeriod.Parse("2026-Q4");

        Assert.Equal(expected, q4.ElapsedFraction(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)), 10);
    }

    [Fact]
    public void Default_period_is_the_quarter_containing_a_date()
    {
        Assert.Equal("2026-Q3", OkrPeriod.QuarterContaining(new DateOnly(2026, 8, 14)).Code);
    }

    [Fact]
    public void Containment_between_periods()
    {
        var year = OkrPeriod.Parse("2026");
        var q4 = OkrPeriod.Parse("2026-Q4");

        Assert.True(year.Contains(q4));
        Assert.True(OkrPeriod.Parse("2026-H2").Contains(q4));
        Assert.False(OkrPeriod.Parse("2026-Q3").Contains(q4));
        Assert.False(q4.Contains(year));
        Assert.True(q4.Contains(new DateOnly(2026, 12, 31)));
        Assert.False(q4.Contains(new DateOnly(2027, 1, 1)));
    }
}
