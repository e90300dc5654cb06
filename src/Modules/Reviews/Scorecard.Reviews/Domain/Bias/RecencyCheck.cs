namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Recency: evidence cited or written for a review concentrated at the end of the period.
/// The period is whole days, start and end inclusive, L = end − start + 1 days. An item dated d is
/// in the last fraction q when (d − start) ≥ (1 − q) · L days. With n items inside the period and
/// k in that window, the one-sided binomial test gives p = P(X ≥ k | n, q); flag RECENCY when
/// p &lt; 0.01 and n ≥ 6 (design). q defaults to 0.25, the last quarter of the period — a quarter
/// is the horizon of the last OKR cycle and of typical "what have you done lately" memory, and
/// with n ≥ 6 it still lets a flag fire (6 of 6 in the window gives p = 0.00024) (design). Items
/// dated outside the period are ignored and counted.
/// </summary>
internal static class RecencyCheck
{
    public const double DefaultQ = 0.25;
    public const double Alpha = 0.01;
    public const int MinimumItems = 6;

    public const string Method =
        "Recency: one-sided binomial test P(X ≥ k | n, q) of the evidence dated in the last fraction q of "
        + "the review period against q; flagged when p < 0.01 and n ≥ 6 (design).";

    public static RecencyResult Check(DateOnly periodStart, DateOnly periodEnd, IEnumerable<DateOnly> evidenceDates, double q = DefaultQ)
    {
        ArgumentNullException.ThrowIfNull(evidenceDates);
        if (periodEnd < periodStart)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(periodEnd));
        }

        if (double.IsNaN(q) || q <= 0.0 || q >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must lie strictly between 0 and 1.");
        }

        int length = periodEnd.DayNumber - periodStart.DayNumber + 1;
        int windowOffset = (int)Math.Ceiling((1.0 - q) * length - 1e-9);
        var windowStart = periodStart.AddDays(windowOffset);

        int n = 0;
        int k = 0;
        int outside = 0;
        foreach (var date in evidenceDates)
        {
            if (date < periodStart || date > periodEnd)
            {
                outside++;
                continue;
            }

            n++;
            if (date >= windowStart)
            {
                k++;
            }
        }

        double p = BinomialTest.UpperTail(n, k, q);
        bool flagged = n >= MinimumItems && p < Alpha;
        return new RecencyResult(n, k, n > 0 ? (double)k / n : 0.0, q, p, windowStart, outside, flagged, Method);
    }
}
