namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Rater analysis of one review cycle. Raters are compared with each other before ratees are
/// (53–62 % of rating variance is the rater: Scullen, Mount &amp; Goff 2000): the baseline mean and sd
/// are over the overall ratings of every rater who gave at least <see cref="MinimumRatings"/> (design) —
/// a rater with fewer is shown but neither flagged nor allowed to move the norm the others are compared
/// with, so three reviews entered by one manager cannot flip another manager's flags — each rater's
/// ratings are set against the baseline, every number carries a 95 % interval (<see cref="RaterIntervals"/>), and
/// <see cref="LeniencyCheck"/>, <see cref="CentralTendencyCheck"/> and <see cref="HaloCheck"/> turn
/// the numbers into nudges. One pass for the org figures, one to group by rater, then linear work
/// per rater, so 10,000 reviews take milliseconds.
/// </summary>
internal static class RaterAnalysis
{
    public const int MinimumRatings = LeniencyCheck.MinimumRatings;

    /// <summary>
    /// Comparisons with the baseline (d, z, sd ratio) need at least this many baseline ratings from other raters
    /// (design): with fewer, a rater is compared with one colleague's habits — in a cycle with one lenient and one
    /// middle-of-the-road manager each would merely mirror the other.
    /// </summary>
    public const int MinimumOtherRatings = 10;

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

            if (!byRater.TryGetValue(rating.RaterId, out var list))
            {
                list = [];
                byRater.Add(rating.RaterId, list);
            }

            list.Add(rating);
        }

        int excludedRaters = 0, excludedRatings = 0;
        foreach (var raterRatings in byRater.Values)
        {
            if (raterRatings.Count < MinimumRatings)
            {
                excludedRaters++;
                excludedRatings += raterRatings.Count;
                continue;
            }

            foreach (var rating in raterRatings)
            {
                org.Add(rating.Overall);
            }
        }

        double orgSd = org.SampleSd;
        var profiles = new List<RaterProfile>(byRater.Count);
        foreach (var (raterId, raterRatings) in byRater)
        {
            var numbers = Measure(raterRatings, scale, org.Count > 0 ? org.Mean : 0.0, orgSd, org.Count);
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

        return new RaterAnalysisReport(org.Count, org.Count > 0 ? org.Mean : 0.0, orgSd, profiles)
        {
            ExcludedRaters = excludedRaters,
            ExcludedRatings = excludedRatings,
        };
    }

    private static RaterNumbers Measure(List<RatingRecord> ratings, RatingScale scale, double orgMean, double orgSd, int orgN)
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
        var middleShare = (double)middle / moments.Count;
        return new RaterNumbers(
            moments.Count,
            ratees.Count,
            moments.Mean,
            moments.SampleSd,
            d,
            z,
            sdRatio,
            middleShare,
            within,
            r)
        {
            DInterval = RaterIntervals.MeanDifference(d, moments.Count, orgSd),
            SdRatioInterval = RaterIntervals.SdRatio(sdRatio, moments.Count, orgN),
            MiddleShareInterval = RaterIntervals.Wilson(middleShare, moments.Count),
            InBaseline = moments.Count >= MinimumRatings,
            OtherBaselineRatings = orgN - (moments.Count >= MinimumRatings ? moments.Count : 0),
        };
    }

    private static void AddIfPresent(List<RaterFlag> flags, RaterFlag? flag)
    {
        if (flag is not null)
        {
            flags.Add(flag);
        }
    }
}
