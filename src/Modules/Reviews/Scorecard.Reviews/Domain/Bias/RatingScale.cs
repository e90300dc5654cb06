namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// A rating scale of integer categories Min, Min + 1, …, Max (e.g. 1–5). Ratings may be fractional;
/// a fractional rating belongs to the category it rounds to.
/// </summary>
internal sealed record RatingScale
{
    public RatingScale(int min, int max)
    {
        if (max <= min)
        {
            throw new ArgumentException($"The scale maximum ({max}) must exceed its minimum ({min}).", nameof(max));
        }

        Min = min;
        Max = max;
    }

    public int Min { get; }

    public int Max { get; }

    public int CategoryCount => Max - Min + 1;

    public double Center => (Min + Max) / 2.0;

    /// <summary>
    /// The middle category. For an odd number of categories it is the single central one (3 on 1–5).
    /// For an even number there is no single middle, so the two central categories together form it
    /// (2 and 3 on 1–4; 3 and 4 on 1–6). A rating is in the middle when it rounds to a middle
    /// category: |r − center| &lt; 0.5 for odd, &lt; 1.0 for even category counts (a tie at exactly
    /// .5 beyond the band is not middle).
    /// </summary>
    public bool IsMiddle(double rating)
    {
        double halfWidth = CategoryCount % 2 == 1 ? 0.5 : 1.0;
        return Math.Abs(rating - Center) < halfWidth - 1e-9;
    }

    /// <summary>Position of a rating on the scale, 0 at Min and 1 at Max.</summary>
    public double Position(double rating) => (rating - Min) / (Max - Min);

    public void EnsureContains(double rating, string parameterName)
    {
        if (double.IsNaN(rating) || rating < Min || rating > Max)
        {
            throw new ArgumentOutOfRangeException(parameterName, rating, $"A rating must lie on the scale {Min}–{Max}.");
        }
    }
}
