namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Group disparity by the four-fifths rule. Per group: n, selected, topBandRate = selected / n,
/// impactRatio = rate / highest reported rate (<see cref="ImpactRatio"/>), significance against the
/// rest (<see cref="GroupSignificance"/>), verdict (<see cref="FourFifthsRule"/>). Groups with n &lt; 5
/// and their complementary cell are suppressed (<see cref="SmallCellSuppression"/>). Group analytics
/// are HR-only; that is enforced where this is exposed, not here.
/// </summary>
internal static class GroupDisparityAnalysis
{
    public const string Method =
        "Four-fifths rule (29 CFR 1607.4(D)): impact ratio = group top-band rate / highest reported group "
        + "rate, < 0.8 is adverse impact. Each group is tested against all other people with a known "
        + "label: pooled two-proportion z-test, or Fisher's exact test (two-sided) when an expected cell "
        + "count is < 5; p < 0.05 is significant. FLAG: IR < 0.8 and p < 0.05; WATCH: IR < 0.8 only; "
        + "REVIEW: p < 0.05 only; else OK. Groups with n < 5 are suppressed together with the "
        + "next-smallest group when only one is small (complementary cell).";

    public static DisparityReport Analyze(IEnumerable<DisparitySubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);

        int unknown = 0;
        var counts = new Dictionary<string, (int N, int Selected)>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            string? group = subject.Group?.Trim();
            if (string.IsNullOrEmpty(group))
            {
                unknown++;
                continue;
            }

            counts.TryGetValue(group, out var c);
            counts[group] = (c.N + 1, c.Selected + (subject.Selected ? 1 : 0));
        }

        var suppressed = SmallCellSuppression.Decide(counts.ToDictionary(c => c.Key, c => c.Value.N, StringComparer.Ordinal));
        int totalN = counts.Values.Sum(c => c.N);
        int totalSelected = counts.Values.Sum(c => c.Selected);
        double highestRate = counts
            .Where(c => !suppressed.ContainsKey(c.Key))
            .Select(c => (double)c.Value.Selected / c.Value.N)
            .DefaultIfEmpty(0.0)
            .Max();

        var groups = new List<GroupDisparity>(counts.Count);
        foreach (var (group, (n, selected)) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (suppressed.TryGetValue(group, out var reason))
            {
                groups.Add(new GroupDisparity(group, FourFifthsVerdict.Suppressed, null, null, null, null, null, null, null, reason));
                continue;
            }

            double rate = (double)selected / n;
            double? ratio = ImpactRatio.Compute(rate, highestRate);
            int restN = totalN - n;
            string? test = null;
            double? p = null;
            double? z = null;
            if (restN > 0)
            {
                (test, double pValue, z) = GroupSignificance.Compare(selected, n, totalSelected - selected, restN);
                p = pValue;
            }

            groups.Add(new GroupDisparity(group, FourFifthsRule.Decide(ratio, p), n, selected, rate, ratio, p, test, z, null));
        }

        return new DisparityReport(unknown, groups, Method);
    }
}
