namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>KPI → objective → perspective → scorecard, each level a <see cref="WeightedRollUp"/> of the one below.</summary>
internal static class ScorecardRollUp
{
    public static ScorecardScores Compute(ScorecardScoreInput scorecard)
    {
        var objectives = new Dictionary<Guid, RollUpResult>();
        var perspectives = new Dictionary<Guid, RollUpResult>();
        var perspectiveScores = new List<WeightedScore>();
        foreach (var perspective in scorecard.Perspectives)
        {
            var objectiveScores = new List<WeightedScore>();
            foreach (var objective in perspective.Objectives)
            {
                var result = WeightedRollUp.Combine(objective.Kpis);
                objectives[objective.ObjectiveId] = result;
                objectiveScores.Add(new WeightedScore(objective.ObjectiveId, objective.Weight, result.Score));
            }

            var perspectiveResult = WeightedRollUp.Combine(objectiveScores);
            perspectives[perspective.PerspectiveId] = perspectiveResult;
            perspectiveScores.Add(new WeightedScore(perspective.PerspectiveId, perspective.Weight, perspectiveResult.Score));
        }

        return new ScorecardScores(WeightedRollUp.Combine(perspectiveScores), perspectives, objectives);
    }
}
