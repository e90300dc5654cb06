using Scorecard.Strategy.Domain.Kpis;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class KpiScoringTests
{
    [Fact]
    public void Increasing_kpi_rolls_up_its_clamped_progress_and_reports_both_measures()
    {
        var kpi = new KpiDefinition(Baseline: 15, Target: 45, Scale: PerformanceScale.HigherIsBetter(0, 100));

        var score = KpiScoring.Score(kpi, 16);

        Assert.Equal(1.0 / 30.0, score.Progress!.Unclamped, 12);
        Assert.Equal(0.16, score.Performance!.Value, 12);
        Assert.Equal(1.0 / 30.0, score.RollUpScore!.Value, 12);
        Assert.Equal(KpiStatus.Red, score.Status);
    }

    [Fact]
    public void Overachievement_is_reported_unclamped_but_rolls_up_as_1()
    {
        var score = KpiScoring.Score(new KpiDefinition(Baseline: 10, Target: 5), 2);

        Assert.Equal(1.6, score.Progress!.Unclamped, 12);
        Assert.Equal(1.0, score.RollUpScore!.Value, 12);
        Assert.Equal(KpiStatus.Green, score.Status);
    }

    [Fact]
    public void Band_kpi_rolls_up_its_band_performance_with_its_own_thresholds()
    {
        var kpi = new KpiDefinition(
            Baseline: null,
            Target: null,
            Scale: PerformanceScale.Band(0, 40, 60, 100),
            Thresholds: new StatusThresholds(0.95, 0.75));

        var score = KpiScoring.Score(kpi, 30);

        Assert.Null(score.Progress);
        Assert.Equal(0.75, score.RollUpScore!.Value, 12);
        Assert.Equal(KpiStatus.Amber, score.Status);
    }

    [Fact]
    public void No_value_is_no_data()
    {
        var score = KpiScoring.Score(new KpiDefinition(15, 45), null);

        Assert.Null(score.RollUpScore);
        Assert.Equal(KpiStatus.NoData, score.Status);
    }
}
