using Scorecard.Platform;
using Scorecard.Strategy.Domain.Hypotheses;
using Xunit.Abstractions;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class HypothesisCheckTests(ITestOutputHelper output)
{
    private static readonly DateOnly January = new(2025, 1, 15);

    private static List<DatedValue> Monthly(params double[] values) =>
        values.Select((v, i) => new DatedValue(January.AddMonths(i), v)).ToList();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double[] RandomWalk(Random random, int months, double start = 50)
    {
        var walk = new double[months];
        walk[0] = start;
        for (var i = 1; i < months; i++)
        {
            walk[i] = walk[i - 1] + Gaussian(random);
        }

        return walk;
    }

    [Fact]
    public void Two_independent_random_walks_are_not_yet_supported_in_at_least_95_percent_of_seeded_trials()
    {
        var random = new Random(20261129);
        const int trials = 1000;
        var verdicts = Enumerable.Range(0, trials)
            .Select(_ => HypothesisCheck.Check(Monthly(RandomWalk(random, 13)), Monthly(RandomWalk(random, 13))).Verdict)
            .ToList();

        var share = verdicts.Count(v => v == HypothesisVerdict.NotYetSupported) / (double)trials;
        output.WriteLine($"random walks, 13 months, {trials} trials: {share:P1} not yet supported, " +
            $"{verdicts.Count(v => v == HypothesisVerdict.Supported)} supported, {verdicts.Count(v => v == HypothesisVerdict.Contradicted)} contradicted");
        Assert.True(share >= 0.95, $"only {share:P1} of independent random walks came out not yet supported");
        Assert.DoesNotContain(HypothesisVerdict.NotEnoughData, verdicts);
    }

    [Fact]
    public void The_old_level_correlation_would_call_two_random_walks_supported_far_more_often()
    {
        // The reason for testing changes: levels of independent walks correlate strongly by chance.
        var random = new Random(7);
        var strongLevels = 0;
        for (var t = 0; t < 200; t++)
        {
            var a = RandomWalk(random, 13);
            var b = RandomWalk(random, 13);
            if (Math.Abs(PearsonCorrelation.Of(a.Zip(b).ToList())!.Value) >= 0.5)
            {
                strongLevels++;
            }
        }

        output.WriteLine($"|r| ≥ 0.5 on levels: {strongLevels} of 200 pairs of independent random walks");
        Assert.True(strongLevels > 40, $"{strongLevels} of 200");
    }

    [Fact]
    public void A_driver_whose_changes_lead_the_outcome_by_two_months_with_noise_is_found_at_lag_2_in_at_least_80_percent_of_seeded_trials()
    {
        var random = new Random(42);
        var found = 0;
        const int trials = 200;
        for (var t = 0; t < trials; t++)
        {
            var driver = RandomWalk(random, 25);
            var outcome = new double[25];
            outcome[0] = 100;
            outcome[1] = 100.5;
            for (var m = 2; m < 25; m++)
            {
                // a drift, twice the driver's change two months earlier, and noise as large as that signal
                outcome[m] = outcome[m - 1] + 0.5 + (2 * (driver[m - 2] - driver[Math.Max(0, m - 3)])) + (2 * Gaussian(random));
            }

            var result = HypothesisCheck.Check(Monthly(driver), Monthly(outcome));
            if (result is { Verdict: HypothesisVerdict.Supported, BestLag: 2 })
            {
                found++;
            }
        }

        output.WriteLine($"planted two-month lead, 25 months: supported at lag 2 in {found} of {trials} trials");
        Assert.True(found >= trials * 0.8, $"{found} of {trials}");
    }

    [Fact]
    public void Two_trending_series_with_unrelated_changes_are_not_supported_although_their_levels_correlate_near_1()
    {
        double[] noiseA = [0.4, -0.3, 0.1, 0.5, -0.2, 0.0, 0.3, -0.5, 0.2, 0.1, -0.1, 0.3, -0.4];
        double[] noiseB = [-0.2, 0.1, 0.4, -0.3, 0.0, 0.5, -0.4, 0.2, -0.1, 0.3, 0.2, -0.5, 0.1];
        var driver = noiseA.Select((e, i) => 10 + (2 * i) + e).ToArray();
        var outcome = noiseB.Select((e, i) => 50 + (3 * i) + e).ToArray();

        var result = HypothesisCheck.Check(Monthly(driver), Monthly(outcome));

        Assert.True(PearsonCorrelation.Of(driver.Zip(outcome).ToList()) > 0.99);
        Assert.Equal(HypothesisVerdict.NotYetSupported, result.Verdict);
        Assert.Contains("neither supports nor contradicts", result.Explanation);
    }

    [Fact]
    public void Changes_that_follow_exactly_two_months_later_are_supported_with_r_n_and_p()
    {
        double[] driverChanges = [3, -1, 4, 1, -5, 9, 2, -6, 5, 3, -5, 8, 0];
        var driver = Cumulative(driverChanges, 10);
        var outcome = Cumulative(driverChanges.Select((_, i) => i >= 2 ? 2 * driverChanges[i - 2] : 1).ToArray(), 40);

        var result = HypothesisCheck.Check(Monthly(driver), Monthly(outcome));

        Assert.Equal(HypothesisVerdict.Supported, result.Verdict);
        Assert.Equal(2, result.BestLag);
        Assert.Equal(1.0, result.BestDirectedR!.Value, 9);
        Assert.Equal([13, 12, 11, 10], result.Lags.Select(l => l.Points));
        Assert.Equal(0.0, result.Best!.AdjustedP!.Value, 9);
        Assert.Equal(11, result.Best.Pairs.Count);
        Assert.Contains("2 month(s) later", result.Explanation);
    }

    [Fact]
    public void Changes_against_the_expected_direction_contradict_the_link()
    {
        double[] driverChanges = [1, 2, -1, 3, 0, -2, 4, 1, -3, 2, 1, 0];
        double[] noise = [0.2, -0.1, 0.1, 0, -0.2, 0.1, 0.1, -0.1, 0, 0.2, -0.1, 0.1];
        var driver = Cumulative(driverChanges, 5);
        var outcome = Cumulative(driverChanges.Zip(noise, (d, e) => (-1.5 * d) + e).ToArray(), 80);

        var result = HypothesisCheck.Check(Monthly(driver), Monthly(outcome));

        Assert.Equal(HypothesisVerdict.Contradicted, result.Verdict);
        Assert.Equal(0, result.BestLag);
        Assert.True(result.Lags[0].R < -0.99);
        Assert.Equal("contradicted", result.Verdict.Label());
    }

    [Fact]
    public void The_same_changes_support_a_link_expected_to_move_the_outcome_the_opposite_way()
    {
        double[] driverChanges = [1, 2, -1, 3, 0, -2, 4, 1, -3, 2, 1, 0];
        var driver = Cumulative(driverChanges, 5);
        var outcome = Cumulative(driverChanges.Select(d => -2 * d).ToArray(), 80);

        var result = HypothesisCheck.Check(Monthly(driver), Monthly(outcome), ExpectedDirection.OppositeDirection);

        Assert.Equal(HypothesisVerdict.Supported, result.Verdict);
        Assert.Equal(-1.0, result.Lags[0].R!.Value, 9);
        Assert.Equal(1.0, result.Lags[0].DirectedR!.Value, 9);
    }

    [Fact]
    public void The_p_value_is_the_t_test_of_r_and_is_multiplied_by_the_lags_tried()
    {
        // r = 0.5 from 12 pairs: t = 0.5·√(10 / 0.75) = 1.8257, two-sided p = 0.0979 with 10 degrees of freedom.
        Assert.Equal(0.0979, CorrelationSignificance.TwoSidedP(0.5, 12), 4);
        Assert.Equal(0.0979, CorrelationSignificance.TwoSidedP(-0.5, 12), 4);
        Assert.Equal(0.3916, CorrelationSignificance.Bonferroni(0.0979, 4), 4);
        Assert.Equal(1.0, CorrelationSignificance.Bonferroni(0.3, 4));
        Assert.Equal(0.0, CorrelationSignificance.TwoSidedP(1.0, 6));
    }

    [Fact]
    public void A_moderate_lag_correlation_from_few_points_is_not_enough_after_correcting_for_four_lags()
    {
        // r ≈ 0.66 from 10 pairs has p ≈ 0.04 on its own: significant alone, not after trying four lags.
        Assert.True(CorrelationSignificance.TwoSidedP(0.66, 10) < 0.05);
        Assert.True(CorrelationSignificance.Bonferroni(CorrelationSignificance.TwoSidedP(0.66, 10), 4) > 0.05);
    }

    [Fact]
    public void Six_months_give_five_changes_which_are_not_enough_data()
    {
        var result = HypothesisCheck.Check(Monthly(1, 3, 2, 5, 4, 6), Monthly(2, 6, 4, 10, 8, 12));

        Assert.Equal(HypothesisVerdict.NotEnoughData, result.Verdict);
        Assert.Equal(5, result.Lags[0].Points);
        Assert.All(result.Lags, l => Assert.Null(l.R));
        Assert.Null(result.BestLag);
        Assert.Contains("pairs of monthly changes", result.Explanation);
        Assert.Equal("not enough data", result.Verdict.Label());
    }

    [Fact]
    public void Seven_months_give_six_changes_enough_at_lag_0_only()
    {
        var result = HypothesisCheck.Check(Monthly(1, 3, 2, 5, 4, 6, 9), Monthly(2, 6, 4, 10, 8, 12, 18));

        Assert.Equal(HypothesisVerdict.Supported, result.Verdict);
        Assert.Equal(6, result.Lags[0].Points);
        Assert.Equal(1.0, result.Lags[0].R!.Value, 9);
        Assert.Equal(5, result.Lags[1].Points);
        Assert.Null(result.Lags[1].R);
        Assert.Equal(result.Lags[0].P, result.Lags[0].AdjustedP); // one lag tried: nothing to correct
    }

    [Fact]
    public void Series_are_aligned_by_month_and_the_latest_value_in_a_month_counts()
    {
        double[] driver = [1, 3, 2, 5, 4, 6, 9];
        var driverSeries = driver.Select((v, i) => new DatedValue(new DateOnly(2025, 1 + i, 1), v)).ToList();
        // Outcome recorded on other days of the same months, with an earlier, overwritten reading in March.
        var outcomeSeries = driver.Select((v, i) => new DatedValue(new DateOnly(2025, 1 + i, 28), 10 * v)).ToList();
        outcomeSeries.Add(new DatedValue(new DateOnly(2025, 3, 2), -1000));

        var result = HypothesisCheck.Check(driverSeries, outcomeSeries);

        Assert.Equal(6, result.Lags[0].Points);
        Assert.Equal(1.0, result.Lags[0].R!.Value, 9);
    }

    [Fact]
    public void A_missing_month_removes_the_changes_on_both_sides_of_it()
    {
        var driver = Monthly(1, 3, 2, 5, 4, 6, 7, 9, 8, 12);
        var outcome = Monthly(2, 6, 4, 10, 8, 12, 14, 18, 16, 24).Where((_, i) => i != 4).ToList();

        var result = HypothesisCheck.Check(driver, outcome);

        Assert.Equal(7, result.Lags[0].Points); // 9 changes, less the two that span the gap
        Assert.Equal(1.0, result.Lags[0].R!.Value, 9);
    }

    [Fact]
    public void A_straight_line_has_constant_changes_that_cannot_be_correlated()
    {
        var result = HypothesisCheck.Check(Monthly(1, 3, 2, 5, 4, 6, 7, 9, 8, 12), Monthly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14));

        Assert.Equal(HypothesisVerdict.NotEnoughData, result.Verdict);
        Assert.Contains("do not vary", result.Explanation);
    }

    [Fact]
    public void A_quarterly_series_has_no_monthly_changes_and_says_so()
    {
        var quarterly = new[] { 0.0, 1, 1, 2 }.Select((v, i) => new DatedValue(January.AddMonths(3 * i), v)).ToList();

        var result = HypothesisCheck.Check(quarterly, Monthly(1, 3, 2, 5, 4, 6, 7, 9, 8, 12));

        Assert.Equal(HypothesisVerdict.NotEnoughData, result.Verdict);
        Assert.Contains("driver has no readings in two consecutive months", result.Explanation);
    }

    [Fact]
    public void Non_finite_values_are_rejected()
    {
        Assert.Throws<BadInputException>(() => HypothesisCheck.Check(Monthly(1, double.NaN), Monthly(1, 2)));
    }

    private static double[] Cumulative(double[] changes, double start)
    {
        var values = new double[changes.Length + 1];
        values[0] = start;
        for (var i = 0; i < changes.Length; i++)
        {
            values[i + 1] = values[i] + changes[i];
        }

        return values;
    }
}
