using Scorecard.Reviews.Domain.Bias;

namespace Scorecard.Reviews.Tests.Bias;

public sealed class RecencyCheckTests
{
    // 2025-01-01..2025-12-31 inclusive: L = 365 days. Last quarter: offset ≥ 0.75·365 = 273.75 → offset 274,
    // i.e. from 2025-10-02 (Jan 31 + Feb 28 + … + Sep 30 = 273 days, so offset 273 is Oct 1).
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly DateOnly End = new(2025, 12, 31);

    [Fact]
    public void Evidence_bunched_at_the_end_is_flagged()
    {
        // n = 8 inside the period (2026-01-15 is outside and ignored), k = 7 from 2025-10-02 on.
        // p = P(X ≥ 7 | 8, 0.25) = C(8,7)·0.25⁷·0.75 + 0.25⁸ = (8·3 + 1)/4⁸ = 25/65536 = 0.000381470 < 0.01,
        // n ≥ 6 → RECENCY.
        var result = RecencyCheck.Check(Start, End,
        [
            D(2025, 2, 10), D(2025, 10, 2), D(2025, 10, 20), D(2025, 11, 5), D(2025, 11, 18),
            D(2025, 12, 1), D(2025, 12, 15), D(2025, 12, 31), D(2026, 1, 15),
        ]);

        Assert.True(result.Flagged);
        Assert.Equal(BiasCodes.Recency, result.Code);
        Assert.Equal(8, result.N);
        Assert.Equal(7, result.K);
        Assert.Equal(0.875, result.Share, 1e-12);
        Assert.Equal(0.25, result.Q);
        Assert.Equal(25.0 / 65536.0, result.PValue, 1e-12);
        Assert.Equal(new DateOnly(2025, 10, 2), result.WindowStart);
        Assert.Equal(1, result.OutsidePeriod);
    }

    [Fact]
    public void Evidence_spread_over_the_period_is_not_flagged()
    {
        // n = 8, k = 4 (Oct 1 is the day before the window). p = P(X ≥ 4 | 8, 0.25)
        // = [C(8,4)·3⁴ + C(8,5)·3³ + C(8,6)·3² + C(8,7)·3 + 1]/4⁸ = (5670 + 1512 + 252 + 24 + 1)/65536
        // = 7459/65536 = 0.113815 ≥ 0.01.
        var result = RecencyCheck.Check(Start, End,
        [
            D(2025, 1, 15), D(2025, 3, 1), D(2025, 6, 1), D(2025, 10, 1),
            D(2025, 10, 2), D(2025, 11, 1), D(2025, 12, 1), D(2025, 12, 31),
        ]);

        Assert.False(result.Flagged);
        Assert.Null(result.Code);
        Assert.Equal(4, result.K);
        Assert.Equal(7459.0 / 65536.0, result.PValue, 1e-12);
    }

    [Fact]
    public void Fewer_than_six_items_are_not_flagged_even_when_p_is_small()
    {
        // n = 5, k = 5: p = 0.25⁵ = 1/1024 = 0.000977 < 0.01, but n < 6.
        var result = RecencyCheck.Check(Start, End,
            [D(2025, 10, 5), D(2025, 10, 25), D(2025, 11, 5), D(2025, 12, 5), D(2025, 12, 20)]);

        Assert.Equal(1.0 / 1024.0, result.PValue, 1e-12);
        Assert.False(result.Flagged);
    }

    [Fact]
    public void A_custom_fraction_q_is_tested_against_q()
    {
        // 2025-01-01..2025-04-10 is 100 days; q = 0.5 → window from offset 50 = 2025-02-20.
        // 6 of 6 in the window: p = 0.5⁶ = 0.015625 (not < 0.01); 7 of 7: 0.5⁷ = 0.0078125 → flagged.
        var start = new DateOnly(2025, 1, 1);
        var end = new DateOnly(2025, 4, 10);
        var six = Enumerable.Range(0, 6).Select(i => new DateOnly(2025, 2, 20).AddDays(i * 7)).ToList();

        var notFlagged = RecencyCheck.Check(start, end, six, q: 0.5);
        Assert.Equal(new DateOnly(2025, 2, 20), notFlagged.WindowStart);
        Assert.Equal(6, notFlagged.K);
        Assert.Equal(0.015625, notFlagged.PValue, 1e-12);
        Assert.False(notFlagged.Flagged);

        var flagged = RecencyCheck.Check(start, end, [.. six, new DateOnly(2025, 4, 10)], q: 0.5);
        Assert.Equal(0.0078125, flagged.PValue, 1e-12);
        Assert.True(flagged.Flagged);
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}
