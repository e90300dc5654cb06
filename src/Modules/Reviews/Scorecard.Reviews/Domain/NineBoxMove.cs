namespace Scorecard.Reviews.Domain;

/// <summary>
/// Moving a person in the 9-box is a calibration change: the row is the performance third of the overall rating,
/// so a move to another row changes the rating to the value of that third nearest the current rating (ties to the
/// lower one); a move within the row keeps the rating. The column is the potential (1–3).
/// </summary>
internal static class NineBoxMove
{
    public static int TargetRating(ScaleDefinition scale, int current, int performanceBand, Func<ScaleDefinition, int, int> band)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(band);
        if (performanceBand is < 1 or > 3)
        {
            throw new Platform.BadInputException("performance", $"The performance row must be 1, 2 or 3, not {performanceBand}.");
        }

        if (band(scale, current) == performanceBand)
        {
            return current;
        }

        var candidates = Enumerable.Range(scale.Min, scale.Max - scale.Min + 1).Where(v => band(scale, v) == performanceBand).ToList();
        if (candidates.Count == 0)
        {
            throw new Platform.RuleViolationException("performance", $"No rating of the {scale.Min}–{scale.Max} scale falls in that row.");
        }

        return candidates.OrderBy(v => Math.Abs(v - current)).ThenBy(v => v).First();
    }
}
