using Scorecard.Platform;

namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>
/// Weighted average of a level's children, with weights relative within the level (they need not sum to 1).
/// Rules: children without data are skipped and listed; negative weights are an error; if every child of the
/// level has weight 0 the level is unweighted and all children count equally; otherwise a weight-0 child is a
/// deliberate "tracked, does not count" and is skipped.
/// </summary>
internal static class WeightedRollUp
{
    public static RollUpResult Combine(IReadOnlyList<WeightedScore> children)
    {
        foreach (var child in children)
        {
            FiniteNumber.Require(child.Weight, "weight");
            FiniteNumber.Require(child.Score, "score");
            if (child.Weight < 0)
            {
                throw new RuleViolationException("weight", $"Weight {child.Weight} of item {child.Id} is negative; weights must be 0 or more.");
            }
        }

        var unweighted = children.All(c => c.Weight == 0);
        var noData = children.Where(c => c.Score is null).Select(c => c.Id).ToList();
        var withData = children.Where(c => c.Score is not null).ToList();
        List<Guid> zeroWeight = unweighted ? [] : withData.Where(c => c.Weight == 0).Select(c => c.Id).ToList();
        var counted = unweighted ? withData : withData.Where(c => c.Weight > 0).ToList();

        double? score = null;
        if (counted.Count > 0)
        {
            var weightOf = (WeightedScore c) => unweighted ? 1.0 : c.Weight;
            var totalWeight = counted.Sum(weightOf);
            score = counted.Sum(c => weightOf(c) * c.Score!.Value) / totalWeight;
        }

        return new RollUpResult(score, counted.Select(c => c.Id).ToList(), noData, zeroWeight, unweighted);
    }
}
