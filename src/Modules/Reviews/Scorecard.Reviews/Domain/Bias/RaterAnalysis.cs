namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Rater analysis of one review cycle. Raters are compared with each other before ratees are
/// (53–62 % of rating variance is the rater: Scullen, Mount &amp; Goff 2000): the org mean and sd
/// are over every overall rating of the cycle, each rater's ratings are set against them, and
/// <see cref="LeniencyCheck"/>, <see cref="CentralTendencyCheck"/> and <see cref="HaloCheck"/> turn
/// the numbers into nudges. One pass for the org figures, one to group by rater, then linear work
/// per rater, so 10,000 reviews take milliseconds.
/// </summary>
internal static class RaterAnalysis
{
    public static RaterAnalysisReport Analyze(IReadOnlyList<RatingRecord> ratings, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(scale);

        var org = new RunningMoments();
        var byRater = new Dictionary<Guid, List<RatingRecord>>();
        foreach (var rating in ratings)
        {
            scale.EnsureContains(rating.Overall, nameof(ratings));
            foreach (var value in rating.Competencies.Values)
            {
                scale.EnsureContains(value, nameof(ratings));
            }

            org.Add(rating.Overall);
            if (!byRater.TryGetValue(rating.RaterId, out var list))
            {
                list = [];
                byRater.Add(rating.RaterId, list);
            }

            list.Add(rating);
        }

        double orgSd = org.SampleSd;
        var profiles = new List<RaterProfile>(byRater.Count);
        foreach (var (raterId, raterRatings) in byRater)
        {
            var numbers = Measure(raterRatings, scale, org.Mean, orgSd);
            var flags = new List<RaterFlag>(3);
            AddIfPresent(flags, LeniencyCheck.Evaluate(numbers));
            AddIfPresent(flags, CentralTendencyCheck.Evaluate(numbers));
            AddIfPresent(flags, HaloCheck.Evaluate(numbers));
            profiles.Add(new RaterProfile(raterId, numbers, flags));
        }

        profiles.Sort(static (x, y) =>
        {
            int byD = Math.Abs(y.Numbers.D).CompareTo(Math.Abs(x.Numbers.D));
            return byD != 0 ? byD : x.RaterId.CompareTo(y.RaterId);
        });

        return new RaterAnalysisReport(org.Count, org.Count > 0 ? org.Mean : 0.0, orgSd, profiles);
    }

    private static RaterNumbers Measure(List<RatingRecord> ratings, RatingScale scale, double orgMean, double orgSd)
    {
        var moments = new RunningMoments();
        int middle = 0;
        var ratees = new HashSet<Guid>();
        foreach (var rating in ratings)
        {
            moments.Add(rating.Overall);
            if (scale.IsMiddle(rating.Overall))
            {
                middle++;
            }

            ratees.Add(rating.RateeId);
        }

        var (d, z) = LeniencyCheck.Measure(moments.Count, moments.Mean, orgMean, orgSd);
        double? sdRatio = orgSd > 0.0 ? moments.SampleSd / orgSd : null;
        var (within, r) = HaloCheck.Measure(ratings);
        return new RaterNumbers(
            moments.Count,
            ratees.Count,
            moments.Mean,
            moments.SampleSd,
            d,
            z,
            sdRatio,
            (double)middle / moments.Count,
            within,
            r);
    }

    private static void AddIfPresent(List<RaterFlag> flags, RaterFlag? flag)
    {
        if (flag is not null)
        {
            flags.Add(flag);
        }
    }
}
