using Scorecard.Reviews.Domain.Bias;

namespace Scorecard.Reviews.Tests.Bias;

public sealed class StatisticsTests
{
    [Fact]
    public void Fisher_tea_tasting_table_gives_the_classic_two_sided_p()
    {
        // Fisher's lady tasting tea: [[3,1],[1,3]], all margins 4, N = 8, C(8,4) = 70.
        // P(a) = C(4,a)·C(4,4−a)/70 for a = 0..4: 1, 16, 36, 16, 1 (/70).
        // Observed a = 3 → 16/70; tables no more likely: a = 0, 1, 3, 4 → (1+16+16+1)/70 = 34/70 = 0.485714.
        Assert.Equal(34.0 / 70.0, FisherExactTest.TwoSidedPValue(3, 1, 1, 3), 1e-12);
        Assert.Equal(0.4857, FisherExactTest.TwoSidedPValue(3, 1, 1, 3), 1e-4);
    }

    [Fact]
    public void Fisher_extreme_table_sums_both_tails()
    {
        // [[4,0],[0,4]]: only a = 0 and a = 4 have probability 1/70 each → p = 2/70 = 0.028571.
        Assert.Equal(2.0 / 70.0, FisherExactTest.TwoSidedPValue(4, 0, 0, 4), 1e-12);
    }

    [Fact]
    public void Two_proportion_z_test_matches_hand_computation()
    {
        // 60/100 vs 40/100: pooled p = 0.5, se = √(0.5·0.5·(1/100 + 1/100)) = √0.005 = 0.0707107,
        // z = 0.2/0.0707107 = 2.828427 (= 2√2); two-sided p = erfc(2/1) = erfc(2) = 0.0046777.
        var (z, p) = TwoProportionZTest.Run(60, 100, 40, 100);
        Assert.Equal(2.0 * Math.Sqrt(2.0), z, 1e-9);
        Assert.Equal(0.00467773498, p, 1e-8);
    }

    [Fact]
    public void Normal_cdf_matches_table_values()
    {
        // Φ(1.96) = 0.9750021, two-sided p(1.96) = 0.0499958, Φ(0) = 0.5, Φ(−1) = 0.1586553.
        Assert.Equal(0.9750021, NormalDistribution.Cdf(1.96), 1e-6);
        Assert.Equal(0.0499958, NormalDistribution.TwoSidedPValue(1.96), 1e-6);
        Assert.Equal(0.5, NormalDistribution.Cdf(0.0), 1e-7);
        Assert.Equal(0.1586553, NormalDistribution.Cdf(-1.0), 1e-6);
    }

    [Fact]
    public void Binomial_upper_tail_is_exact()
    {
        // P(X ≥ 7 | 8, 1/4) = (C(8,7)·3 + 1)/4^8 = 25/65536 = 0.000381470.
        Assert.Equal(25.0 / 65536.0, BinomialTest.UpperTail(8, 7, 0.25), 1e-12);
        // P(X ≥ 0) = 1; P(X ≥ 9 | 8) = 0.
        Assert.Equal(1.0, BinomialTest.UpperTail(8, 0, 0.25));
        Assert.Equal(0.0, BinomialTest.UpperTail(8, 9, 0.25));
    }

    [Fact]
    public void Log_factorial_is_exact_in_the_table_and_accurate_beyond_it()
    {
        Assert.Equal(Math.Log(3628800.0), LogFactorial.Of(10), 1e-12); // 10! = 3,628,800
        // Across the table boundary the Stirling branch must continue the sum of logs.
        Assert.Equal(LogFactorial.Of(4095) + Math.Log(4096), LogFactorial.Of(4096), 1e-9);
        Assert.Equal(LogFactorial.Of(4096) + Math.Log(4097), LogFactorial.Of(4097), 1e-9);
    }
}
