namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// Small-cell suppression (as Lattice, Glint and Betterworks do). A group with n &lt; 5 is suppressed
/// (SMALL_GROUP). If exactly one group is suppressed that way, the next-smallest group is suppressed
/// too (COMPLEMENTARY; ties broken by label, ordinal) — otherwise the small group's n and selected
/// count could be derived by subtracting the reported groups from the total. With two or more small
/// groups only their sum is derivable, so nothing more is suppressed. When the complementary group
/// is the only other group, everything is suppressed.
/// </summary>
internal static class SmallCellSuppression
{
    public const int MinimumGroupSize = 5;

    /// <summary>Returns group label → suppression reason for the groups to withhold.</summary>
    public static IReadOnlyDictionary<string, string> Decide(IReadOnlyDictionary<string, int> groupSizes)
    {
        var suppressed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, n) in groupSizes)
        {
            if (n < MinimumGroupSize)
            {
                suppressed[group] = GroupDisparity.SmallGroup;
            }
        }

        if (suppressed.Count == 1)
        {
            var complementary = groupSizes
                .Where(g => !suppressed.ContainsKey(g.Key))
                .OrderBy(g => g.Value)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key)
                .FirstOrDefault();
            if (complementary is not null)
            {
                suppressed[complementary] = GroupDisparity.Complementary;
            }
        }

        return suppressed;
    }
}
