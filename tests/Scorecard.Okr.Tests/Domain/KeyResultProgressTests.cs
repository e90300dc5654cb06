using Scorecard.Okr.Domain;
using Scorecard.Platform;

namespace Scorecard.Okr.Tests.Domain;

public sealed class KeyResultProgressTests
{
    private static KeyResultSpec Kr(KeyResultKind kind, double? start = null, double? target = null, double? low = null, double? high = null) =>
        new(Guid.NewGuid(), "kr", kind, start, target, low, high);

    [Theory]
    [InlineData(45, 65, 50, 0.25)]    // NPS 45 → 65 at 50
    [InlineData(45, 65, 65, 1.0)]
    [InlineData(45, 65, 80, 1.0)]     // overshoot clamps to 1
    [InlineData(45, 65, 40, 0.0)]     // regression clamps to 0
    [InlineData(48, 24, 36, 0.5)]     // resolution time 48h → 24h at 36h (decreasing)
    [InlineData(48, 24, 12, 1.0)]
    [InlineData(48, 24, 60, 0.0)]
    [InlineData(15, 45, 16, 1.0 / 30)] // BSC Designer's example: 3.33 %
    public void Metric_progress_in_either_direction(double start, double target, double current, double expected)
    {
        var progress = KeyResultProgress.Calculate(Kr(KeyResultKind.Metric, start, target), current);

        Assert.Equal(expected, progress.Value, 10);
        Assert.True(progress.HasData);
    }

    [Fact]
    public void Raw_ratio_keeps_the_overshoot()
    {
        Assert.Equal(1.75, KeyResultProgress.Metric(45, 65, 80).RawRatio!.Value, 10);
    }

    [Fact]
    public void Kpi_uses_the_metric_formula()
    {
        Assert.Equal(0.5, KeyResultProgress.Calculate(Kr(KeyResultKind.Kpi, 100, 200), 150).Value, 10);
    }

    [Theory]
    [InlineData(20, 60, 30, 0.25)]
    [InlineData(12, 8, 10, 0.5)]      // churn 12 % → 8 % at 10 %
    [InlineData(0, 100, 100, 1.0)]
    public void Percentage_progress(double start, double target, double current, double expected)
    {
        Assert.Equal(expected, KeyResultProgress.Calculate(Kr(KeyResultKind.Percentage, start, target), current).Value, 10);
    }

    [Theory]
    [InlineData(-1, 50, 10)]
    [InlineData(0, 101, 10)]
    [InlineData(0, 50, 120)]
    public void Percentage_outside_0_to_100_is_rejected(double start, double target, double current)
    {
        Assert.Throws<BadInputException>(() => KeyResultProgress.Calculate(Kr(KeyResultKind.Percentage, start, target), current));
    }

    [Fact]
    public void Milestone_is_done_or_not()
    {
        var milestone = Kr(KeyResultKind.Milestone);

        Assert.Equal(1.0, KeyResultProgress.Calculate(milestone, 1).Value);
        Assert.Equal(0.0, KeyResultProgress.Calculate(milestone, 0).Value);
        Assert.True(KeyResultProgress.Calculate(milestone, 0).HasData);
        Assert.Throws<BadInputException>(() => KeyResultProgress.Calculate(milestone, 0.5));
    }

    [Theory]
    [InlineData(95, 1.0)]
    [InlineData(90, 1.0)]     // band ends are inside
    [InlineData(100, 1.0)]
    [InlineData(89.9, 0.0)]
    [InlineData(100.1, 0.0)]
    public void Control_is_one_inside_the_band_and_zero_outside(double current, double expected)
    {
        Assert.Equal(expected, KeyResultProgress.Calculate(Kr(KeyResultKind.Control, low: 90, high: 100), current).Value);
    }

    [Fact]
    public void Control_band_must_not_be_inverted()
    {
        Assert.Throws<BadInputException>(() => KeyResultProgress.Control(100, 90, 95));
    }

    [Fact]
    public void No_check_in_means_zero_and_no_data()
    {
        var progress = KeyResultProgress.Calculate(Kr(KeyResultKind.Metric, 45, 65), null);

        Assert.Equal(0.0, progress.Value);
        Assert.False(progress.HasData);
        Assert.Null(progress.RawRatio);
    }

    [Fact]
    public void Target_equal_to_start_is_invalid()
    {
        var ex = Assert.Throws<BadInputException>(() => KeyResultProgress.Calculate(Kr(KeyResultKind.Metric, 50, 50), 50));

        Assert.Equal("target", ex.Field);
    }

    [Theory]
    [InlineData(double.NaN, 65, 50)]
    [InlineData(45, double.PositiveInfinity, 50)]
    [InlineData(45, 65, double.NegativeInfinity)]
    [InlineData(45, 65, double.NaN)]
    public void Non_finite_values_are_rejected(double start, double target, double current)
    {
        Assert.Throws<BadInputException>(() => KeyResultProgress.Calculate(Kr(KeyResultKind.Metric, start, target), current));
    }

    [Fact]
    public void Missing_target_is_rejected_when_calculating()
    {
        var ex = Assert.Throws<BadInputException>(() => KeyResultProgress.Calculate(Kr(KeyResultKind.Metric, 45, null), 50));

        Assert.Contains("no target", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metric", "Metric")]
    [InlineData("Percentage", "Percentage")]
    [InlineData("milestone", "Milestone")]
    [InlineData("kpi", "Kpi")]
    [InlineData("control", "Control")]
    public void Kind_codes_round_trip(string code, string name)
    {
        var kind = Enum.Parse<KeyResultKind>(name);
        Assert.Equal(kind, KeyResultKindCodes.Parse(code));
        Assert.Equal(code.ToLowerInvariant(), kind.ToCode());
    }

    [Fact]
    public void Unknown_kind_code_is_rejected()
    {
        Assert.Throws<BadInputException>(() => KeyResultKindCodes.Parse("vibes"));
    }
}
