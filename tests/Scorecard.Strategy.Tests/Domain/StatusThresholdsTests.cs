using Scorecard.Platform;
using Scorecard.Strategy.Domain.Kpis;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class StatusThresholdsTests
{
    [Theory]
    [InlineData(1.0, KpiStatus.Green)]
    [InlineData(0.90, KpiStatus.Green)]
    [InlineData(0.8999, KpiStatus.Amber)]
    [InlineData(0.70, KpiStatus.Amber)]
    [InlineData(0.6999, KpiStatus.Red)]
    [InlineData(0.0, KpiStatus.Red)]
    public void Default_bands_are_green_from_0_90_and_amber_from_0_70(double score, object expected)
    {
        Assert.Equal((KpiStatus)expected, StatusThresholds.Default.Classify(score));
    }

    [Fact]
    public void No_measurement_is_no_data()
    {
        Assert.Equal(KpiStatus.NoData, StatusThresholds.Default.Classify(null));
    }

    [Fact]
    public void An_exact_90_percent_stays_green_despite_floating_point_noise()
    {
        var progress = KpiProgress.Of(value: 1.2, baseline: 0.3, target: 1.3);

        Assert.True(progress.Unclamped < 0.9); // 0.8999999999999999
        Assert.Equal(KpiStatus.Green, StatusThresholds.Default.Classify(progress.Clamped));
    }

    [Theory]
    [InlineData(0.95, KpiStatus.Green)]
    [InlineData(0.90, KpiStatus.Amber)]
    [InlineData(0.80, KpiStatus.Amber)]
    [InlineData(0.79, KpiStatus.Red)]
    public void Thresholds_are_configurable_per_kpi(double score, object expected)
    {
        Assert.Equal((KpiStatus)expected, new StatusThresholds(green: 0.95, amber: 0.80).Classify(score));
    }

    [Fact]
    public void Amber_above_green_or_non_finite_thresholds_are_rejected()
    {
        Assert.Throws<RuleViolationException>(() => new StatusThresholds(green: 0.7, amber: 0.9));
        Assert.Throws<BadInputException>(() => new StatusThresholds(green: double.NaN, amber: 0.7));
        Assert.Throws<BadInputException>(() => StatusThresholds.Default.Classify(double.PositiveInfinity));
    }
}
