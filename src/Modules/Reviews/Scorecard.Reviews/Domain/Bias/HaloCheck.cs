namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Halo: the rater does not tell competencies apart. Per rater:
/// <list type="bullet">
/// <item>withinRateeSd = mean, over the rater's ratings with ≥ 2 competency ratings, of the sample sd
/// of that rating's competency values;</item>
/// <item>interCompetencyR = mean Pearson correlation over competency pairs, each pair correlated
/// across the rater's ratings that rate both competencies. A pair is undefined and skipped when
/// fewer than 3 ratings rate both (with 2 points r is always ±1) or when either competency does
/// not vary (design).</item>
/// </list>
/// Flag when withinRateeSd &lt; 0.3 AND interCompetencyR &gt; 0.9 with ≥ 4 distinct ratees (design).
/// Cost is O(ratings × competencies²) per rater: linear in the rater's ratings.
/// </summary>
internal static class HaloCheck
{
    public const double MaximumWithinRateeSd = 0.3;
    public const double MinimumInterCompetencyR = 0.9;
    public const int MinimumRatees = 4;
    public const int MinimumPairObservations = 3;

    public const string Method =
        "Halo: mean within-ratee sd across competencies < 0.3 and mean inter-competency Pearson r "
        + "(across the rater's ratees, averaged over competency pairs, undefined pairs skipped) > 0.9, "
        + "with ≥ 4 ratees (design).";

    public static (double? WithinRateeSd, double? InterCompetencyR) Measure(IReadOnlyList<RatingRecord> ratings)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rating in ratings)
        {
            foreach (var key in rating.Competencies.Keys)
            {
                index.TryAdd(key, index.Count);
            }
        }

        if (index.Count == 0)
        {
            return (null, null);
        }

        int competencies = index.Count;
        var matrix = new double[ratings.Count * competencies];
        Array.Fill(matrix, double.NaN);

        double withinSum = 0.0;
        int withinCount = 0;
        for (int row = 0; row < ratings.Count; row++)
        {
            var moments = new RunningMoments();
            foreach (var (key, value) in ratings[row].Competencies)
            {
                matrix[row * competencies + index[key]] = value;
                moments.Add(value);
            }

            if (moments.Count >= 2)
            {
                withinSum += moments.SampleSd;
                withinCount++;
            }
        }

        double? within = withinCount > 0 ? withinSum / withinCount : null;
        return (within, MeanPairwiseCorrelation(matrix, ratings.Count, competencies));
    }

    public static RaterFlag? Evaluate(RaterNumbers numbers)
    {
        if (numbers.RateeCount < MinimumRatees
            || numbers.WithinRateeSd is not double within
            || numbers.InterCompetencyR is not double r)
        {
            return null;
        }

        return within < MaximumWithinRateeSd && r > MinimumInterCompetencyR
            ? new RaterFlag(BiasCodes.Halo, Method, ["withinRateeSd", "interCompetencyR"], numbers)
            : null;
    }

    private static double? MeanPairwiseCorrelation(double[] matrix, int rows, int competencies)
    {
        double sum = 0.0;
        int defined = 0;
        for (int i = 0; i < competencies; i++)
        {
            for (int j = i + 1; j < competencies; j++)
            {
                if (Pearson(matrix, rows, competencies, i, j) is double r)
                {
                    sum += r;
                    defined++;
                }
            }
        }

        return defined > 0 ? sum / defined : null;
    }

    private static double? Pearson(double[] matrix, int rows, int width, int i, int j)
    {
        int n = 0;
        double sumX = 0.0;
        double sumY = 0.0;
        for (int row = 0; row < rows; row++)
        {
            double x = matrix[row * width + i];
            double y = matrix[row * width + j];
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                continue;
            }

            n++;
            sumX += x;
            sumY += y;
        }

        if (n < MinimumPairObservations)
        {
            return null;
        }

        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0.0;
        double syy = 0.0;
        double sxy = 0.0;
        for (int row = 0; row < rows; row++)
        {
            double x = matrix[row * width + i];
            double y = matrix[row * width + j];
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                continue;
            }

            double dx = x - meanX;
            double dy = y - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        const double Epsilon = 1e-12;
        if (sxx <= Epsilon || syy <= Epsilon)
        {
            return null;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
    }
}
