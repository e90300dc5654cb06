namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// ln(n!) for exact discrete tests (binomial, hypergeometric). A table of cumulative sums of ln(i)
/// up to <see cref="TableSize"/>; above it Stirling's series with three correction terms
/// (absolute error below 1e-15 for n ≥ 4096).
/// </summary>
internal static class LogFactorial
{
    private const int TableSize = 4096;
    private static readonly double[] Table = BuildTable();

    public static double Of(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n < TableSize)
        {
            return Table[n];
        }

        double x = n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2.0 * Math.PI * x)
            + 1.0 / (12.0 * x) - 1.0 / (360.0 * x * x * x) + 1.0 / (1260.0 * x * x * x * x * x);
    }

    /// <summary>ln C(n, k); negative infinity when k is outside 0..n.</summary>
    public static double LogChoose(int n, int k) =>
        k < 0 || k > n ? double.NegativeInfinity : Of(n) - Of(k) - Of(n - k);

    private static double[] BuildTable()
    {
        var table = new double[TableSize];
        for (int i = 2; i < TableSize; i++)
        {
            table[i] = table[i - 1] + Math.Log(i);
        }

        return table;
    }
}
