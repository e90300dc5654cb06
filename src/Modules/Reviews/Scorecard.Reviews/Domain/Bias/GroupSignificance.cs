namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Significance of one group against the rest of the people with a known label (design: "vs the
/// rest" rather than "vs the highest-rate group" — it uses all the data, does not depend on which
/// group happens to be highest, and gives the highest group a test as well). The 2×2 table is
/// [group selected, group not; rest selected, rest not]. When any expected cell count
/// (row total × column total / N) is below 5, Fisher's exact test (two-sided) is used, otherwise the
/// pooled two-proportion z-test.
/// </summary>
internal static class GroupSignificance
{
    public const double MinimumExpectedCount = 5.0;

    public static (string Test, double PValue, double? Z) Compare(int groupSelected, int groupN, int restSelected, int restN)
    {
        int n = groupN + restN;
        int selected = groupSelected + restSelected;
        int notSelected = n - selected;

        // The smallest expected cell is the smaller row total times the smaller column total over N.
        double minimumExpected = (double)Math.Min(groupN, restN) * Math.Min(selected, notSelected) / n;

        if (minimumExpected < MinimumExpectedCount)
        {
            double p = FisherExactTest.TwoSidedPValue(
                groupSelected, groupN - groupSelected, restSelected, restN - restSelected);
            return (FisherExactTest.Name, p, null);
        }

        var (z, pValue) = TwoProportionZTest.Run(groupSelected, groupN, restSelected, restN);
        return (TwoProportionZTest.Name, pValue, z);
    }
}
