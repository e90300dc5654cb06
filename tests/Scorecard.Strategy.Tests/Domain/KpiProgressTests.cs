using Scorecard.Platform;
using Scorecard.Strategy.Domain.Kpis;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class KpiProgressTests
{
    [Fact]
    public void Baseline_15_target_45_value_16_is_3_33_percent()
    {
        var progress = KpiProgress.Of(value: 16, baseline: 15, target: 45);

        Assert.Equal(1.0 / 30.0, progress.Unclamped, 12);
        Assert.Equal(3.33, Math.Round(progress.Unclamped * 100, 2));
    }

    [Fact]
    public void Decreasing_kpi_baseline_10_target_5_value_8_is_40_percent()
    {
        var progress = KpiProgress.Of(value: 8, baseline: 10, target: 5);

        Assert.Equal(0.4, progress.Unclamped, 12);
    }

    [Theory]
    [InlineData(60, 1.5, 1.0)]
    [InlineData(0, -0.5, 0.0)]
    [InlineData(45, 1.0, 1.0)]
    [InlineData(15, 0.0, 0.0)]
    public void Unclamped_is_reported_and_clamped_form_stays_within_0_and_1(double value, double unclamped, double clamped)
    {
        var progress = KpiProgress.Of(value, baseline: 15, target: 45);

        Assert.Equal(unclamped, progress.Unclamped, 12);
        Assert.Equal(clamped, progress.Clamped, 12);
    }

    [Fact]
    public void Target_equal_to_baseline_is_a_rule_violation()
    {
        var error = Assert.Throws<RuleViolationException>(() => KpiProgress.Of(value: 5, baseline: 20, target: 20));

        Assert.Equal("target", error.Field);
        Assert.Contains("baseline", error.Message);
    }

    [Theory]
    [InlineData(double.NaN, 0, 10)]
    [InlineData(5, double.PositiveInfinity, 10)]
    [InlineData(5, 0, double.NegativeInfinity)]
    public void Non_finite_numbers_are_rejected(double value, double baseline, double target)
    {
        Assert.Throws<BadInputException>(() => KpiProgress.Of(value, baseline, target));
    }
}
