using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>The numbers behind a PORTFOLIO_SKEW decision. Shares and weights are keyed by perspective name (case-insensitive).</summary>
internal sealed record PortfolioSkewResult(
    int GoalCount,
    double TotalVariationDistance,
    IReadOnlyDictionary<string, double> GoalShares,
    IReadOnlyDictionary<string, double> StrategyWeights,
    IReadOnlyList<string> UncoveredPerspectives,
    bool DistanceExceeded,
    bool IsSkewed)
{
    /// <summary>Per uncovered perspective: the chance that this many goals following the weights would all miss it, (1 − q)^k.</summary>
    public IReadOnlyDictionary<string, double> MissByChance { get; init; } = new Dictionary<string, double>();
}

/// <summary>
/// A person's goal mix across scorecard perspectives (p) against the strategy's perspective weights (q,
/// normalised to sum 1). Skewed when either
/// (a) total variation distance ½Σ|p − q| &gt; 0.4 with at least 4 goals, or
/// (b) a perspective weighted q ≥ 0.25 has no goals although the person has enough goals that missing it is
/// unlikely by chance: with k ≥ 4 goals spread as the strategy weights them, all k miss the perspective with
/// probability (1 − q)^k; (b) fires only when that is below 0.05 (design). Three goals that miss a 0.3
/// perspective are no skew — (0.7)³ = 0.34 — while six goals that all miss a 0.4 perspective are (0.6⁶ = 0.047).
/// A person without any goals mapped to perspectives is a different problem, see UNALIGNED.
/// A goal reaching several perspectives counts 1/k towards each of its k perspectives; goals reaching
/// none are left out (they are not counted towards the 4 either). Perspectives a goal reaches that the
/// strategy does not weight get q = 0. The distance is rounded to 4 decimals before comparing.
/// </summary>
internal static class PortfolioSkew
{
    public const double DistanceThreshold = 0.4;
    public const int MinimumGoals = 4;
    public const double UncoveredWeightThreshold = 0.25;
    public const double MissByChanceThreshold = 0.05;

    public static PortfolioSkewResult Evaluate(
        IReadOnlyList<IReadOnlyCollection<string>> goalPerspectives,
        IReadOnlyDictionary<string, double> strategyWeights,
        double distanceThreshold = DistanceThreshold,
        int minimumGoals = MinimumGoals,
        double uncoveredWeightThreshold = UncoveredWeightThreshold)
    {
        ArgumentNullException.ThrowIfNull(goalPerspectives);
        ArgumentNullException.ThrowIfNull(strategyWeights);

        var weights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (perspective, weight) in strategyWeights)
        {
            if (!double.IsFinite(weight) || weight < 0.0)
            {
                throw new BadInputException("perspectiveWeights", $"The weight of '{perspective}' must be a finite number ≥ 0, not {weight}.");
            }

            weights[perspective] = weights.GetValueOrDefault(perspective) + weight;
        }

        var totalWeight = weights.Values.Sum();
        if (totalWeight <= 0.0)
        {
            throw new BadInputException("perspectiveWeights", "At least one perspective needs a weight above 0.");
        }

        var q = weights.ToDictionary(kv => kv.Key, kv => kv.Value / totalWeight, StringComparer.OrdinalIgnoreCase);

        var counts = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var goalCount = 0;
        foreach (var perspectives in goalPerspectives)
        {
            var distinct = perspectives.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (distinct.Count == 0)
            {
                continue;
            }

            goalCount++;
            foreach (var perspective in distinct)
            {
                counts[perspective] = counts.GetValueOrDefault(perspective) + (1.0 / distinct.Count);
            }
        }

        var p = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var perspective in q.Keys.Concat(counts.Keys).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            p[perspective] = goalCount == 0 ? 0.0 : counts.GetValueOrDefault(perspective) / goalCount;
        }

        var distance = goalCount == 0
            ? 0.0
            : Math.Round(0.5 * p.Keys.Sum(k => Math.Abs(p[k] - q.GetValueOrDefault(k))), 4, MidpointRounding.AwayFromZero);
        var distanceExceeded = goalCount >= minimumGoals && distance > distanceThreshold;
        var missByChance = q.Where(kv => goalCount >= minimumGoals && kv.Value >= uncoveredWeightThreshold && p[kv.Key] == 0.0)
            .ToDictionary(kv => kv.Key, kv => Math.Pow(1.0 - kv.Value, goalCount), StringComparer.OrdinalIgnoreCase);
        var uncovered = missByChance.Where(kv => kv.Value < MissByChanceThreshold).Select(kv => kv.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();

        return new PortfolioSkewResult(goalCount, distance, p, q, uncovered, distanceExceeded, distanceExceeded || uncovered.Count > 0)
        {
            MissByChance = uncovered.ToDictionary(k => k, k => missByChance[k], StringComparer.OrdinalIgnoreCase),
        };
    }
}
