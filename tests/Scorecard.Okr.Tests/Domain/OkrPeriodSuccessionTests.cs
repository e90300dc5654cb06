using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain;

public sealed class OkrPeriodSuccessionTests
{
    [Theory]
    [InlineData("2026-Q3", "2026-Q4")]
    [InlineData("2026-Q4", "2027-Q1")]
    [InlineData("2026-H1", "2026-H2")]
    [InlineData("2026-H2", "2027-H1")]
    [InlineData("2026", "2027")]
    [InlineData("2026-01-01..2026-01-10", "2026-01-11..2026-01-20")]
    public void The_next_period_has_the_same_kind_and_follows_without_a_gap(string period, string next) =>
        Assert.Equal(next, OkrPeriodSuccession.Next(OkrPeriod.Parse(period)).Code);

    [Fact]
    public void The_following_periods_are_listed_nearest_first() =>
        Assert.Equal(["2027-Q1", "2027-Q2", "2027-Q3"], OkrPeriodSuccession.Following(OkrPeriod.Parse("2026-Q4"), 3).Select(p => p.Code));
}
