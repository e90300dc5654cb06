namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Fisher's exact test for a 2×2 table
/// <code>
///            selected   not selected
///   group       a            b
///   rest        c            d
/// </code>
/// Two-sided p-value: the sum of the hypergeometric probabilities of every table with the same
/// margins that is no more likely than the observed one (the usual "minimum likelihood" rule, as in
/// R's fisher.test), with a relative tolerance of 1e-7 for ties.
/// </summary>
internal static class FisherExactTest
{
    public const string Name = "fisher";

    private const double RelativeTolerance = 1e-7;

    public static double TwoSidedPValue(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Cell counts must be non-negative.");
        }

        int row1 = a + b;
        int row2 = c + d;
        int col1 = a + c;
        int n = row1 + row2;
        if (n == 0)
        {
            return 1.0;
        }

        int low = Math.Max(0, col1 - row2);
        int high = Math.Min(row1, col1);
        double logDenominator = LogFactorial.LogChoose(n, col1);
        double observed = LogProbability(a, row1, row2, col1, logDenominator);
        double limit = observed + double.LogP1(RelativeTolerance);

        double p = 0.0;
        for (int x = low; x <= high; x++)
        {
            double logProbability = LogProbability(x, row1, row2, col1, logDenominator);
            if (logProbability <= limit)
            {
                p += Math.Exp(logProbability);
            }
        }

        return Math.Min(1.0, p);
    }

    private static double LogProbability(int x, int row1, int row2, int col1, double logDenominator) =>
        LogFactorial.LogChoose(row1, x) + LogFactorial.LogChoose(row2, col1 - x) - logDenominator;
}
