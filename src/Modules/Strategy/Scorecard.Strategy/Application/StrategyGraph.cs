using Microsoft.EntityFrameworkCore;
using Scorecard.Strategy.Domain.Graph;
using Scorecard.Strategy.Domain.Health;
using Scorecard.Strategy.Domain.Hypotheses;
using Scorecard.Strategy.Domain.Kpis;
using Scorecard.Strategy.Domain.RollUp;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>
/// The strategy read into memory: scorecards, perspectives, objectives, KPIs with their measurements, links, cascades,
/// initiatives. <see cref="LoadAsync"/> reads all of it (health, map and hypothesis checks need every scorecard and
/// every month); the scoped loads in <c>StrategyGraph.Scope.cs</c> read one part with each KPI's latest measurement
/// only, for reads that show current values (a scorecard's tree, objectives asked for by another module).
/// </summary>
internal sealed partial class StrategyGraph
{
    private readonly ILookup<Guid, MeasurementRecord> _measurements;
    private readonly ILookup<Guid, KpiRecord> _subKpis;
    private readonly ILookup<Guid, KpiRecord> _kpisOfObjective;
    private readonly ILookup<Guid, ObjectiveRecord> _objectivesOfPerspective;
    private readonly ILookup<Guid, ObjectiveRecord> _objectivesOfScorecard;
    private readonly ILookup<Guid, PerspectiveRecord> _perspectivesOfScorecard;
    private readonly Dictionary<Guid, double?> _objectiveScores = new();
    private readonly Dictionary<Guid, KpiEvaluation> _kpiScores = new();
    private readonly Dictionary<Guid, ScorecardScores> _scores = new();

    private StrategyGraph(
        List<ScorecardRecord> scorecards, List<PerspectiveRecord> perspectives, List<ObjectiveRecord> objectives,
        List<KpiRecord> kpis, List<MeasurementRecord> measurements, List<MapLinkRecord> links,
        List<ContributionRecord> contributions, List<InitiativeRecord> initiatives, List<InitiativeObjectiveRecord> initiativeObjectives)
    {
        Scorecards = scorecards.OrderByDescending(s => s.IsCompany).ThenBy(s => s.Name).ToList();
        ScorecardById = scorecards.ToDictionary(s => s.Id);
        Perspectives = perspectives.OrderBy(p => p.Position).ThenBy(p => p.Name).ToList();
        PerspectiveById = perspectives.ToDictionary(p => p.Id);
        Objectives = objectives.OrderBy(o => o.Position).ThenBy(o => o.Name).ToList();
        ObjectiveById = objectives.ToDictionary(o => o.Id);
        Kpis = kpis.OrderBy(k => k.Name).ToList();
        KpiById = kpis.ToDictionary(k => k.Id);
        _measurements = measurements.OrderBy(m => m.Date).ThenBy(m => m.EnteredAt).ToLookup(m => m.KpiId);
        _subKpis = Kpis.Where(k => k.ParentKpiId is not null).ToLookup(k => k.ParentKpiId!.Value);
        _kpisOfObjective = Kpis.ToLookup(k => k.ObjectiveId);
        _objectivesOfPerspective = Objectives.ToLookup(o => o.PerspectiveId);
        _objectivesOfScorecard = Objectives.ToLookup(o => o.ScorecardId);
        _perspectivesOfScorecard = Perspectives.ToLookup(p => p.ScorecardId);
        Links = links;
        Contributions = contributions;
        Initiatives = initiatives.OrderBy(i => i.Start).ThenBy(i => i.Name).ToList();
        InitiativeObjectives = initiativeObjectives;
    }

    public IReadOnlyList<ScorecardRecord> Scorecards { get; }
    public IReadOnlyDictionary<Guid, ScorecardRecord> ScorecardById { get; }
    public IReadOnlyList<PerspectiveRecord> Perspectives { get; }
    public IReadOnlyDictionary<Guid, PerspectiveRecord> PerspectiveById { get; }
    public IReadOnlyList<ObjectiveRecord> Objectives { get; }
    public IReadOnlyDictionary<Guid, ObjectiveRecord> ObjectiveById { get; }
    public IReadOnlyList<KpiRecord> Kpis { get; }
    public IReadOnlyDictionary<Guid, KpiRecord> KpiById { get; }
    public IReadOnlyList<MapLinkRecord> Links { get; }
    public IReadOnlyList<ContributionRecord> Contributions { get; }
    public IReadOnlyList<InitiativeRecord> Initiatives { get; }
    public IReadOnlyList<InitiativeObjectiveRecord> InitiativeObjectives { get; }

    /// <summary>Every scorecard with every measurement.</summary>
    public static async Task<StrategyGraph> LoadAsync(StrategyDbContext db, CancellationToken ct) => new(
        await db.Scorecards.AsNoTracking().ToListAsync(ct),
        await db.Perspectives.AsNoTracking().ToListAsync(ct),
        await db.Objectives.AsNoTracking().ToListAsync(ct),
        await db.Kpis.AsNoTracking().ToListAsync(ct),
        await db.Measurements.AsNoTracking().ToListAsync(ct),
        await db.Links.AsNoTracking().ToListAsync(ct),
        await db.Contributions.AsNoTracking().ToListAsync(ct),
        await db.Initiatives.AsNoTracking().ToListAsync(ct),
        await db.InitiativeObjectives.AsNoTracking().ToListAsync(ct));

    public IReadOnlyList<MeasurementRecord> MeasurementsOf(Guid kpiId) => _measurements[kpiId].ToList();

    public IReadOnlyList<KpiRecord> SubKpis(Guid kpiId) => _subKpis[kpiId].ToList();

    public IReadOnlyList<PerspectiveRecord> PerspectivesOf(Guid scorecardId) => _perspectivesOfScorecard[scorecardId].ToList();

    public IReadOnlyList<ObjectiveRecord> ObjectivesOf(Guid perspectiveId) => _objectivesOfPerspective[perspectiveId].ToList();

    public IReadOnlyList<ObjectiveRecord> ObjectivesOfScorecard(Guid scorecardId) => _objectivesOfScorecard[scorecardId].ToList();

    public IReadOnlyList<KpiRecord> KpisOf(Guid objectiveId) => _kpisOfObjective[objectiveId].ToList();

    public IReadOnlyList<InitiativeRecord> InitiativesOf(Guid objectiveId)
    {
        var ids = InitiativeObjectives.Where(x => x.ObjectiveId == objectiveId).Select(x => x.InitiativeId).ToHashSet();
        return Initiatives.Where(i => ids.Contains(i.Id)).ToList();
    }

    public IReadOnlyList<Guid> ObjectivesOfInitiative(Guid initiativeId) =>
        InitiativeObjectives.Where(x => x.InitiativeId == initiativeId).Select(x => x.ObjectiveId).ToList();

    public KpiEvaluation KpiScore(Guid kpiId)
    {
        if (!_kpiScores.TryGetValue(kpiId, out var score))
        {
            score = KpiMath.Evaluate(KpiById[kpiId], this);
            _kpiScores[kpiId] = score;
        }

        return score;
    }

    /// <summary>KPI → objective → perspective → scorecard roll-up of the scorecard (domain <see cref="ScorecardRollUp"/>).</summary>
    public ScorecardScores Scores(Guid scorecardId)
    {
        if (_scores.TryGetValue(scorecardId, out var cached))
        {
            return cached;
        }

        var input = new ScorecardScoreInput(scorecardId, PerspectivesOf(scorecardId)
            .Select(p => new PerspectiveScoreInput(p.Id, p.Weight, ObjectivesOf(p.Id)
                .Select(o => new ObjectiveScoreInput(o.Id, o.Weight, KpisOf(o.Id)
                    .Select(k => new WeightedScore(k.Id, k.Weight, KpiScore(k.Id).Score)).ToList()))
                .ToList()))
            .ToList());
        var scores = ScorecardRollUp.Compute(input);
        _scores[scorecardId] = scores;
        return scores;
    }

    /// <summary>The weighted average of the children's performance (KPIs with a min..max scale only).</summary>
    public double? ObjectivePerformance(Guid objectiveId) =>
        WeightedRollUp.Combine(KpisOf(objectiveId).Select(k => new WeightedScore(k.Id, k.Weight, KpiScore(k.Id).Performance)).ToList()).Score;

    /// <summary>The objective's roll-up of its KPIs (the objective level of <see cref="ScorecardRollUp"/>, without the rest of its scorecard).</summary>
    public double? ObjectiveScore(Guid objectiveId)
    {
        if (!_objectiveScores.TryGetValue(objectiveId, out var score))
        {
            score = WeightedRollUp.Combine(KpisOf(objectiveId).Select(k => new WeightedScore(k.Id, k.Weight, KpiScore(k.Id).Score)).ToList()).Score;
            _objectiveScores[objectiveId] = score;
        }

        return score;
    }

    public static KpiStatus StatusOf(double? score) => StatusThresholds.Default.Classify(score);

    public IReadOnlySet<Guid> CompanyObjectiveIds =>
        Objectives.Where(o => ScorecardById.TryGetValue(o.ScorecardId, out var s) && s.IsCompany).Select(o => o.Id).ToHashSet();

    public IReadOnlyList<ContributesTo> Cascades =>
        Contributions.Select(c => new ContributesTo(c.ChildObjectiveId, c.ParentObjectiveId, c.Weight)).ToList();

    public LineOfSightResult LineOfSight(Guid objectiveId) =>
        Domain.Graph.LineOfSight.Trace(objectiveId, Cascades, CompanyObjectiveIds);

    /// <summary>The health model of every scorecard (the cascade rules need them all).</summary>
    public StrategyModel HealthModel() => new(
        Scorecards.Select(s => new ScorecardModel(s.Id, s.Name, s.IsCompany, s.ParentScorecardId,
            PerspectivesOf(s.Id).Select(p => new PerspectiveModel(p.Id, p.Name, ObjectivesOf(p.Id)
                .Select(o => new ObjectiveModel(o.Id, o.Name, o.OwnerId,
                    KpisOf(o.Id).Select(k => new KpiModel(k.Id, k.Name, k.OwnerId,
                        HasTarget: k.Direction == "range" ? k.BandLow is not null && k.BandHigh is not null : k.Target is not null,
                        k.DataSource, KpiMath.Interval(k.UpdateInterval), KpiScore(k.Id).LastMeasuredOn, k.TrackingSince)).ToList(),
                    InitiativesOf(o.Id).Select(i => new InitiativeModel(i.Id, i.Name)).ToList()))
                .ToList())).ToList()))
            .ToList(),
        Links.Select(l => new StrategyMapLink(l.FromObjectiveId, l.ToObjectiveId)).ToList(),
        Cascades);

    /// <summary>
    /// An objective's monthly series for the hypothesis check: per month, the weighted average of its KPIs'
    /// unclamped progress (band performance for range KPIs) at each month's closing reading, so "better" is
    /// always "up" whatever the KPI's direction.
    /// </summary>
    public IReadOnlyList<DatedValue> ObjectiveSeries(Guid objectiveId)
    {
        var perKpi = KpisOf(objectiveId)
            .Select(k => (Kpi: k, Months: MeasurementsOf(k.Id)
                .GroupBy(m => MonthlySeries.MonthIndex(m.Date))
                .ToDictionary(g => g.Key, g => g.Last())))
            .ToList();
        var months = perKpi.SelectMany(p => p.Months.Keys).Distinct().Order();
        var series = new List<DatedValue>();
        foreach (var month in months)
        {
            var points = perKpi.Where(p => p.Months.ContainsKey(month)).Select(p =>
            {
                var m = p.Months[month];
                var e = KpiMath.Score(p.Kpi, m.Value, m.Date);
                return new WeightedScore(p.Kpi.Id, p.Kpi.Weight, e.Progress ?? e.Performance);
            }).ToList();
            var value = WeightedRollUp.Combine(points).Score;
            if (value is { } v)
            {
                series.Add(new DatedValue(new DateOnly(month / 12, (month % 12) + 1, 1), v));
            }
        }

        return series;
    }

    public HypothesisCheckResult CheckHypothesis(MapLinkRecord link) =>
        HypothesisCheck.Check(ObjectiveSeries(link.FromObjectiveId), ObjectiveSeries(link.ToObjectiveId));
}
