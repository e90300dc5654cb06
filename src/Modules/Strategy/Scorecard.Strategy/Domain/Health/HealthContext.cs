namespace Scorecard.Strategy.Domain.Health;

/// <summary>The model flattened once so each rule can look items up, with the subject builders rules share.</summary>
internal sealed class HealthContext
{
    public HealthContext(StrategyModel model, DateOnly asOf)
    {
        Model = model;
        AsOf = asOf;
        ScorecardsById = model.Scorecards.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        CompanyObjectiveIds = model.Scorecards
            .Where(s => s.IsCompany)
            .SelectMany(ObjectivesOf)
            .Select(o => o.Id)
            .ToHashSet();
    }

    public StrategyModel Model { get; }
    public DateOnly AsOf { get; }
    public IReadOnlyDictionary<Guid, ScorecardModel> ScorecardsById { get; }
    public IReadOnlySet<Guid> CompanyObjectiveIds { get; }

    public static IEnumerable<ObjectiveModel> ObjectivesOf(ScorecardModel scorecard) =>
        scorecard.Perspectives.SelectMany(p => p.Objectives);

    public static IEnumerable<KpiModel> KpisOf(ScorecardModel scorecard) =>
        ObjectivesOf(scorecard).SelectMany(o => o.Kpis);

    /// <summary>
    /// The scorecards a scorecard cascades from, nearest first. One without a parent is compared with the company
    /// scorecard(s), since that is what a mini-me usually copies.
    /// </summary>
    public IEnumerable<ScorecardModel> AncestorsOf(ScorecardModel scorecard)
    {
        if (scorecard.IsCompany)
        {
            yield break;
        }

        if (scorecard.ParentScorecardId is null)
        {
            foreach (var company in Model.Scorecards.Where(s => s.IsCompany))
            {
                yield return company;
            }

            yield break;
        }

        var seen = new HashSet<Guid> { scorecard.Id };
        var parentId = scorecard.ParentScorecardId;
        while (parentId is { } id && seen.Add(id) && ScorecardsById.TryGetValue(id, out var parent))
        {
            yield return parent;
            parentId = parent.ParentScorecardId;
        }
    }

    public static FindingSubject Subject(ScorecardModel scorecard) =>
        new(FindingSubjectKind.Scorecard, scorecard.Id, scorecard.Name, scorecard.Id);

    public static FindingSubject Subject(ScorecardModel scorecard, PerspectiveModel perspective) =>
        new(FindingSubjectKind.Perspective, perspective.Id, perspective.Name, scorecard.Id);

    public static FindingSubject Subject(ScorecardModel scorecard, ObjectiveModel objective) =>
        new(FindingSubjectKind.Objective, objective.Id, objective.Name, scorecard.Id);

    public static FindingSubject Subject(ScorecardModel scorecard, KpiModel kpi) =>
        new(FindingSubjectKind.Kpi, kpi.Id, kpi.Name, scorecard.Id);
}
