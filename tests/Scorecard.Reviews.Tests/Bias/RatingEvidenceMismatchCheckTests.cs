using Scorecard.Reviews.Domain.Bias;

namespace Scorecard.Reviews.Tests.Bias;

public sealed class RatingEvidenceMismatchCheckTests
{
    private static readonly RatingScale OneToFive = new(1, 5);

    [Fact]
    public void A_top_rating_with_weak_outcomes_is_flagged()
    {
        // Position (5 − 1)/(5 − 1) = 1.0; mean outcome (0.3 + 0.4 + 0.5)/3 = 0.4; gap 0.6 > 0.4 with n = 3.
        var result = RatingEvidenceMismatchCheck.Check(5, OneToFive, [0.3, 0.4, 0.5]);

        Assert.True(result.Flagged);
        Assert.Equal(BiasCodes.RatingEvidenceMismatch, result.Code);
        Assert.Equal(1.0, result.RatingPosition, 1e-12);
        BiasAssert.Close(0.4, result.MeanOutcome, 1e-12);
        BiasAssert.Close(0.6, result.Gap, 1e-12);
        Assert.Equal(3, result.N);
    }

    [Fact]
    public void A_low_rating_with_strong_outcomes_is_flagged_and_over_achievement_counts_as_one()
    {
        // Position 0; outcomes 1.3 → 1.0 (clamped) and 0.9 → mean 0.95; gap −0.95.
        var result = RatingEvidenceMismatchCheck.Check(1, OneToFive, [1.3, 0.9]);

        Assert.True(result.Flagged);
        BiasAssert.Close(0.95, result.MeanOutcome, 1e-12);
        BiasAssert.Close(-0.95, result.Gap, 1e-12);
    }

    [Fact]
    public void A_rating_in_line_with_outcomes_is_not_flagged()
    {
        // Position (4 − 1)/4 = 0.75; mean (0.6 + 0.8)/2 = 0.7; gap 0.05.
        var aligned = RatingEvidenceMismatchCheck.Check(4, OneToFive, [0.6, 0.8]);
        Assert.False(aligned.Flagged);
        Assert.Null(aligned.Code);
        BiasAssert.Close(0.05, aligned.Gap, 1e-12);

        // Position 0.25; mean (0.5 + 0.75)/2 = 0.625; gap −0.375, inside 0.4.
        var close = RatingEvidenceMismatchCheck.Check(2, OneToFive, [0.5, 0.75]);
        Assert.False(close.Flagged);
        BiasAssert.Close(-0.375, close.Gap, 1e-12);
    }

    [Fact]
    public void A_single_outcome_is_not_enough_evidence()
    {
        // Gap 1.0 − 0.1 = 0.9 but n = 1 < 2.
        var result = RatingEvidenceMismatchCheck.Check(5, OneToFive, [0.1]);
        Assert.False(result.Flagged);
        BiasAssert.Close(0.9, result.Gap, 1e-12);

        var none = RatingEvidenceMismatchCheck.Check(5, OneToFive, []);
        Assert.False(none.Flagged);
        Assert.Null(none.MeanOutcome);
    }
}
