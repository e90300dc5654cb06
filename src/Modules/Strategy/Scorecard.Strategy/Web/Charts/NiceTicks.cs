namespace Scorecard.Strategy.Web.Charts;

/// <summary>
/// Round axis ticks: a step of 1, 2, 2.5 or 5 times a power of ten, chosen so that about <c>target</c> ticks cover
/// the data, with the axis extended to whole steps (16.24 / 22.62 / 29… becomes 15 / 20 / 25 / 30).
/// </summary>
internal static class NiceTicks
{
    private static readonly double[] Multiples = [1, 2, 2.5, 5, 10];

    public static (double Min, double Max, double Step) Scale(double min, double max, int target = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), "The range must be finite.");
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max == min)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        var rough = (max - min) / Math.Max(1, target - 1);
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = Multiples.Select(m => m * power).First(s => s >= rough * 0.999);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        return (Clean(low), Clean(high), step);
    }

    public static IReadOnlyList<double> Values(double min, double max, double step)
    {
        var count = (int)Math.Round((max - min) / step);
        return [.. Enumerable.Range(0, count + 1).Select(i => Clean(min + (i * step)))];
    }

    /// <summary>Removes floating-point dust (0.30000000000000004 → 0.3).</summary>
    private static double Clean(double v) => Math.Round(v, 10);
}
