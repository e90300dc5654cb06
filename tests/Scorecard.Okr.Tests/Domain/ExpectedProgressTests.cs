using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain;

public sealed class ExpectedProgressTests
{
    [Theory]
    [InlineData(0.5, 0.336, "16.4", "on_track")]
    [InlineData(0.5, 0.335, "16.5", "behind")]
    [InlineData(0.5, 0.17, "33", "behind")]
    [InlineData(0.5, 0.169, "33.1", "at_risk")]
    [InlineData(0.5, 0.7, "-20", "on_track")]   // ahead of plan
    [InlineData(0.3, 1.0, "-70", "achieved")]
    [InlineData(1.0, 1.0, "0", "achieved")]
    public void Status_from_the_gap(double elapsed, double actual, string gap, string status)
    {
        var result = ExpectedProgress.Evaluate(actual, elapsed);

        Assert.Equal(decimal.Parse(gap, System.Globalization.CultureInfo.InvariantCulture), result.GapPoints);
        Assert.Equal(status, result.Status.ToCode());
    }

    [Fact]
    public void Aspirational_objectives_expect_seventy_percent_of_the_elapsed_share()
    {
        // Half the period gone: committed expects 50 %, aspirational 35 %. Actual 30 %: gap 20 vs 5.
        var committed = ExpectedProgress.Evaluate(0.3, 0.5);
        var aspirational = ExpectedProgress.Evaluate(0.3, 0.5, aspirational: true);

        Assert.Equal(ExpectedProgressStatus.Behind, committed.Status);
        Assert.Equal(35m, aspirational.ExpectedPercent);
        Assert.Equal(5m, aspirational.GapPoints);
        Assert.Equal(ExpectedProgressStatus.OnTrack, aspirational.Status);
    }

    [Fact]
    public void Evaluates_against_a_period_and_date()
    {
        // 2026-Q4 as of 2026-11-15: 46 of 92 days → expected 50 %; actual 0.25 → gap 25 → behind.
        var result = ExpectedProgress.Evaluate(0.25, OkrPeriod.Parse("2026-Q4"), new DateOnly(2026, 11, 15));

        Assert.Equal(50m, result.ExpectedPercent);
        Assert.Equal(25m, result.GapPoints);
        Assert.Equal("behind", result.Status.ToCode());
    }

    [Fact]
    public void Status_codes()
    {
        Assert.Equal("on_track", ExpectedProgressStatus.OnTrack.ToCode());
        Assert.Equal("at_risk", ExpectedProgressStatus.AtRisk.ToCode());
        Assert.Equal("achieved", ExpectedProgressStatus.Achieved.ToCode());
    }

    [Theory]
    [InlineData(1.2, 0.5)]
    [InlineData(0.5, -0.1)]
    [InlineData(double.NaN, 0.5)]
    public void Rejects_out_of_range_inputs(double actual, double elapsed)
    {
        Assert.Throws<Scorecard.Platform.BadInputException>(() => ExpectedProgress.Evaluate(actual, elapsed));
    }
}
