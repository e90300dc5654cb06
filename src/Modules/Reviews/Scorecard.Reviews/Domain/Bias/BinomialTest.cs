namespace Scorecard.Reviews.Domain.Bias;

/// <summary>Exact binomial tail probabilities, summed term by term in log space.</summary>
internal static class BinomialTest
{
    /// <summary>One-sided upper tail P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double UpperTail(int n, int k, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (double.IsNaN(p) || p < 0.0 || p > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in [0, 1].");
        }

        if (k <= 0)
        {
            return 1.0;
        }

        if (k > n)
        {
            return 0.0;
        }

        if (p == 0.0)
        {
            return 0.0;
        }

        if (p == 1.0)
        {
            return 1.0;
        }

        double logP = Math.Log(p);
        double logQ = Math.Log(1.0 - p);
        double sum = 0.0;
        for (int i = k; i <= n; i++)
        {
            sum += Math.Exp(LogFactorial.LogChoose(n, i) + i * logP + (n - i) * logQ);
        }

        return Math.Min(1.0, sum);
    }
}
