using Scorecard.Platform;
using Scorecard.Strategy.Domain.Kpis;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class KpiPerformanceTests
{
    [Fact]
    public void Higher_is_better_min_0_max_100_value_16_is_0_16()
    {
        Assert.Equal(0.16, KpiPerformance.Of(16, PerformanceScale.HigherIsBetter(0, 100)), 12);
    }

    [Fact]
    public void Lower_is_better_min_0_max_100_value_16_is_0_84()
    {
        Assert.Equal(0.84, KpiPerformance.Of(16, PerformanceScale.LowerIsBetter(0, 100)), 12);
    }

    [Theory]
    [InlineData(120, 1.0)]
    [InlineData(-5, 0.0)]
    public void Performance_is_clamped_to_0_1(double value, double expected)
    {
        Assert.Equal(expected, KpiPerformance.Of(value, PerformanceScale.HigherIsBetter(0, 100)), 12);
    }

    [Theory]
    [InlineData(50, 1.0)]
    [InlineData(40, 1.0)]
    [InlineData(60, 1.0)]
    [InlineData(30, 0.75)] // 30 / 40 of the way up from min 0 to the band's low end 40
    [InlineData(10, 0.25)]
    [InlineData(70, 0.75)] // (100 − 70) / (100 − 60)
    [InlineData(90, 0.25)]
    [InlineData(100, 0.0)]
    [InlineData(110, 0.0)]
    [InlineData(-10, 0.0)]
    public void Band_kpi_is_full_inside_its_band_and_falls_off_linearly_outside(double value, double expected)
    {
        var scale = PerformanceScale.Band(min: 0, bandLow: 40, bandHigh: 60, max: 100);

        Assert.Equal(expected, KpiPerformance.Of(value, scale), 12);
    }

    [Fact]
    public void Band_starting_at_the_minimum_gives_0_below_it()
    {
        var scale = PerformanceScale.Band(min: 0, bandLow: 0, bandHigh: 60, max: 100);

        Assert.Equal(1.0, KpiPerformance.Of(0, scale), 12);
        Assert.Equal(0.0, KpiPerformance.Of(-1, scale), 12);
        Assert.Equal(0.5, KpiPerformance.Of(80, scale), 12);
    }

    [Fact]
    public void Invalid_scales_are_rule_violations()
    {
        Assert.Throws<RuleViolationException>(() => PerformanceScale.HigherIsBetter(100, 100));
        Assert.Throws<RuleViolationException>(() => PerformanceScale.LowerIsBetter(100, 0));
        Assert.Throws<RuleViolationException>(() => PerformanceScale.Band(0, 60, 40, 100));
        Assert.Throws<RuleViolationException>(() => PerformanceScale.Band(0, 40, 120, 100));
        Assert.Throws<RuleViolationException>(() => PerformanceScale.Create(KpiDirection.Range, 0, 100));
    }

    [Fact]
    public void Non_finite_numbers_are_rejected()
    {
        Assert.Throws<BadInputException>(() => PerformanceScale.HigherIsBetter(double.NaN, 100));
        Assert.Throws<BadInputException>(() => PerformanceScale.Band(0, 40, double.PositiveInfinity, 100));
        Assert.Throws<BadInputException>(() => KpiPerformance.Of(double.NaN, PerformanceScale.HigherIsBetter(0, 100)));
    }
}
