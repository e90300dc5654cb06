using Scorecard.Platform;
using Scorecard.Strategy.Domain.Hypotheses;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class HypothesisCheckTests
{
    private static readonly DateOnly January = new(2025, 1, 15);

    // An oscillating driver, so the lag is identifiable: the outcome is 2 × driver + 1 two months later.
    private static readonly double[] Driver = [5, 1, 8, 3, 9, 2, 7, 4, 6, 0, 9, 3];
    private static readonly double[] OutcomeTwoMonthsLater = [20, 22, 11, 3, 17, 7, 19, 5, 15, 9, 13, 1];

    private static List<DatedValue> Monthly(params double[] values) =>
        values.Select((v, i) => new DatedValue(January.AddMonths(i), v)).ToList();

    [Fact]
    public void Outcome_following_the_driver_by_two_months_is_supported_at_lag_2()
    {
        var result = HypothesisCheck.Check(Monthly(Driver), Monthly(OutcomeTwoMonthsLater));

        Assert.Equal(HypothesisVerdict.Supported, result.Verdict);
        Assert.Equal(2, result.BestLag);
        Assert.Equal(1.0, result.BestDirectedR!.Value, 9);
        Assert.Equal([12, 11, 10, 9], result.Lags.Select(l => l.Points));
        Assert.Equal(0.3159, result.Lags[0].R!.Value, 4);
        Assert.Equal(-0.6673, result.Lags[1].R!.Value, 4); // strong but weaker than the lag-2 peak
        Assert.Equal(-0.7403, result.Lags[3].R!.Value, 4);
        Assert.Equal("supported", result.Verdict.Label());
    }

    [Fact]
    public void Outcome_falling_as_the_driver_rises_contradicts_a_same_direction_link()
    {
        double[] driver = [1, 2, 4, 3, 5, 7, 6, 8, 9, 11, 10, 12];
        double[] noise = [0.5, -0.3, 0.2, 0, -0.4, 0.1, 0.3, -0.2, 0, 0.4, -0.1, 0.2];
        var outcome = driver.Zip(noise, (d, e) => 50 - (2 * d) + e).ToArray();

        var result = HypothesisCheck.Check(Monthly(driver), Monthly(outcome));

        Assert.Equal(HypothesisVerdict.Contradicted, result.Verdict);
        Assert.Equal(0, result.BestLag);
        Assert.Equal(-0.9993, result.Lags[0].R!.Value, 4);
        Assert.All(result.Lags, l => Assert.True(l.R <= -0.9));
        Assert.Equal("contradicted", result.Verdict.Label());
    }

    [Fact]
    public void The_same_series_supports_a_link_expected_to_move_the_outcome_the_opposite_way()
    {
        // e.g. more training hours → fewer defects, where defects are lower-is-better
        double[] driver = [1, 2, 4, 3, 5, 7, 6, 8, 9, 11, 10, 12];
        var outcome = driver.Select(d => 50 - (2 * d)).ToArray();

        var result = HypothesisCheck.Check(Monthly(driver), Monthly(outcome), ExpectedDirection.OppositeDirection);

        Assert.Equal(HypothesisVerdict.Supported, result.Verdict);
        Assert.Equal(-1.0, result.Lags[0].R!.Value, 9);
        Assert.Equal(1.0, result.Lags[0].DirectedR!.Value, 9);
    }

    [Fact]
    public void An_unrelated_outcome_is_not_yet_supported()
    {
        var result = HypothesisCheck.Check(Monthly(Driver), Monthly(3, 7, 2, 6, 4, 8, 1, 5, 9, 2, 6, 3));

        Assert.Equal(HypothesisVerdict.NotYetSupported, result.Verdict);
        Assert.Equal(-0.1609, result.Lags[0].R!.Value, 4);
        Assert.Equal(0.2483, result.Lags[1].R!.Value, 4);
        Assert.Equal(1, result.BestLag);
        Assert.All(result.Lags, l => Assert.True(Math.Abs(l.R!.Value) < 0.5));
        Assert.Equal("not yet supported", result.Verdict.Label());
    }

    [Fact]
    public void Five_aligned_months_are_not_enough_data()
    {
        var result = HypothesisCheck.Check(Monthly(1, 2, 3, 4, 5), Monthly(2, 4, 6, 8, 10));

        Assert.Equal(HypothesisVerdict.NotEnoughData, result.Verdict);
        Assert.Equal(5, result.Lags[0].Points);
        Assert.All(result.Lags, l => Assert.Null(l.R));
        Assert.Null(result.BestLag);
        Assert.Equal("not enough data", result.Verdict.Label());
    }

    [Fact]
    public void Six_aligned_months_are_enough_at_lag_0_only()
    {
        var result = HypothesisCheck.Check(Monthly(1, 3, 2, 5, 4, 6), Monthly(2, 6, 4, 10, 8, 12));

        Assert.Equal(HypothesisVerdict.Supported, result.Verdict);
        Assert.Equal(6, result.Lags[0].Points);
        Assert.Equal(1.0, result.Lags[0].R!.Value, 9);
        Assert.Equal(5, result.Lags[1].Points);
        Assert.Null(result.Lags[1].R);
    }

    [Fact]
    public void Series_are_aligned_by_month_and_the_latest_value_in_a_month_counts()
    {
        double[] driver = [1, 3, 2, 5, 4, 6];
        var driverSeries = driver.Select((v, i) => new DatedValue(new DateOnly(2025, 1 + i, 1), v)).ToList();
        // Outcome recorded on other days of the same months, with an earlier, overwritten reading in March.
        var outcomeSeries = driver.Select((v, i) => new DatedValue(new DateOnly(2025, 1 + i, 28), 10 * v)).ToList();
        outcomeSeries.Add(new DatedValue(new DateOnly(2025, 3, 2), -1000));

        var result = HypothesisCheck.Check(driverSeries, outcomeSeries);

        Assert.Equal(6, result.Lags[0].Points);
        Assert.Equal(1.0, result.Lags[0].R!.Value, 9);
    }

    [Fact]
    public void Months_missing_from_either_series_are_left_out()
    {
        var driver = Monthly(1, 3, 2, 5, 4, 6, 7, 9);
        var outcome = Monthly(2, 6, 4, 10, 8, 12, 14, 18).Where((_, i) => i is not (2 or 5)).ToList();

        var result = HypothesisCheck.Check(driver, outcome);

        Assert.Equal(6, result.Lags[0].Points);
        Assert.Equal(1.0, result.Lags[0].R!.Value, 9);
    }

    [Fact]
    public void A_flat_series_cannot_be_correlated()
    {
        var result = HypothesisCheck.Check(Monthly(Driver), Monthly(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5));

        Assert.Equal(HypothesisVerdict.NotEnoughData, result.Verdict);
        Assert.Equal(12, result.Lags[0].Points);
        Assert.Contains("do not vary", result.Explanation);
    }

    [Fact]
    public void Non_finite_values_are_rejected()
    {
        Assert.Throws<BadInputException>(() => HypothesisCheck.Check(Monthly(1, double.NaN), Monthly(1, 2)));
    }
}
