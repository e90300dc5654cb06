using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Strategy.Domain.Health;
using Scorecard.Strategy.Domain.Hypotheses;
using Scorecard.Strategy.Domain.Kpis;
using Scorecard.Strategy.Persistence;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Application;

/// <summary>Read models: scorecard trees, KPI details, health, the strategy map, line of sight, initiatives, reviews.</summary>
internal sealed class StrategyQueries(StrategyDbContext db, IOrganizationDirectory directory, StrategyAccess access, TimeProvider clock)
{
    private StrategyGraph? _graph;
    private Dictionary<Guid, string>? _names;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<StrategyGraph> GraphAsync(CancellationToken ct) => _graph ??= await StrategyGraph.LoadAsync(db, ct);

    public async Task<IReadOnlyDictionary<Guid, string>> PeopleNamesAsync(CancellationToken ct)
    {
        if (_names is null)
        {
            _names = await OwnerNamesAsync(await GraphAsync(ct), ct);
        }

        return _names;
    }

    /// <summary>The names of the owners in the graph (of a scoped graph: only the ones it shows).</summary>
    private async Task<Dictionary<Guid, string>> OwnerNamesAsync(StrategyGraph graph, CancellationToken ct)
    {
        var ids = graph.Scorecards.Select(s => s.OwnerId)
            .Concat(graph.Objectives.Select(o => o.OwnerId))
            .Concat(graph.Kpis.Select(k => k.OwnerId))
            .Concat(graph.Initiatives.Select(i => i.OwnerId))
            .OfType<Guid>().Distinct().ToList();
        var people = ids.Count == 0 ? [] : await directory.GetPeopleAsync(ids, ct);
        return people.ToDictionary(p => p.Id, p => p.Name);
    }

    /// <summary>The graph already read in this request, or only the scorecards asked for (latest measurement per KPI).</summary>
    private async Task<StrategyGraph> ScorecardsGraphAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        _graph ?? await StrategyGraph.LoadScorecardsAsync(db, ids, ct);

    public async Task<Page<ScorecardSummaryDto>> ListAsync(Guid? orgUnitId, DateOnly? asOf, PageRequest page, CancellationToken ct)
    {
        var query = db.Scorecards.AsNoTracking()
            .Where(s => orgUnitId == null || s.OrgUnitId == orgUnitId)
            .Where(s => asOf == null || (s.PeriodStart <= asOf && asOf <= s.PeriodEnd));
        var total = await query.CountAsync(ct);
        var ids = await query
            .OrderByDescending(s => s.IsCompany).ThenByDescending(s => s.PeriodStart).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Skip(page.Offset).Take(page.Limit).Select(s => s.Id).ToListAsync(ct);
        return new Page<ScorecardSummaryDto>(await SummariesAsync(ids, ct), total);
    }

    /// <summary>The summaries of the scorecards asked for, in that order (their trees only, not the strategy).</summary>
    public async Task<IReadOnlyList<ScorecardSummaryDto>> SummariesAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var graph = await ScorecardsGraphAsync(ids, ct);
        var units = await UnitNamesAsync(ids.Where(graph.ScorecardById.ContainsKey).Select(id => graph.ScorecardById[id].OrgUnitId), ct);
        return ids.Where(graph.ScorecardById.ContainsKey).Select(id => graph.ScorecardById[id]).Select(s =>
        {
            var score = graph.Scores(s.Id).Scorecard.Score;
            var objectives = graph.ObjectivesOfScorecard(s.Id);
            return new ScorecardSummaryDto(s.Id, s.Name, s.OrgUnitId, units.GetValueOrDefault(s.OrgUnitId), s.IsCompany,
                s.ParentScorecardId, s.OwnerId, s.PeriodStart, s.PeriodEnd, score, StrategyText.Status(StrategyGraph.StatusOf(score)),
                objectives.Count, objectives.Sum(o => graph.KpisOf(o.Id).Count), s.Version);
        }).ToList();
    }

    /// <summary>The names of the units shown (one directory read per unit, not the whole organization).</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(IEnumerable<Guid> unitIds, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var id in unitIds.Distinct())
        {
            if (await directory.GetUnitAsync(id, ct) is { } unit)
            {
                names[id] = unit.Name;
            }
        }

        return names;
    }

    public async Task<ScorecardRecord> ScorecardAsync(Guid id, CancellationToken ct) =>
        await ScorecardOrNullAsync(id, ct) ?? throw new NotFoundException("Scorecard", id);

    public async Task<ScorecardRecord?> ScorecardOrNullAsync(Guid id, CancellationToken ct) =>
        _graph is { } graph
            ? graph.ScorecardById.GetValueOrDefault(id)
            : await db.Scorecards.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>
    /// The tree of one scorecard: its perspectives, objectives and KPIs, each KPI with its latest measurement only — the
    /// cost follows the scorecard's size, not the number of months stored or of other scorecards.
    /// </summary>
    public async Task<ScorecardDto> GetAsync(Guid id, CancellationToken ct)
    {
        var graph = await ScorecardsGraphAsync([id], ct);
        var scorecard = graph.ScorecardById.GetValueOrDefault(id) ?? throw new NotFoundException("Scorecard", id);
        var names = graph.IsComplete ? await PeopleNamesAsync(ct) : await OwnerNamesAsync(graph, ct);
        var units = await UnitNamesAsync([scorecard.OrgUnitId], ct);
        var scores = graph.Scores(id);
        var perspectives = graph.PerspectivesOf(id).Select(p =>
        {
            var ps = scores.Perspectives[p.Id].Score;
            var objectives = graph.ObjectivesOf(p.Id).Select(o => Objective(graph, o, names)).ToList();
            var performance = Domain.RollUp.WeightedRollUp.Combine(objectives
                .Select(o => new Domain.RollUp.WeightedScore(o.Id, o.Weight, o.Performance)).ToList()).Score;
            return new PerspectiveDto(p.Id, p.Name, p.Position, p.Weight, ps, performance,
                StrategyText.Status(StrategyGraph.StatusOf(ps)), p.Version, objectives);
        }).ToList();
        var total = scores.Scorecard.Score;
        var totalPerformance = Domain.RollUp.WeightedRollUp.Combine(perspectives
            .Select(p => new Domain.RollUp.WeightedScore(p.Id, p.Weight, p.Performance)).ToList()).Score;
        return new ScorecardDto(scorecard.Id, scorecard.Name, scorecard.OrgUnitId, units.GetValueOrDefault(scorecard.OrgUnitId),
            scorecard.IsCompany, scorecard.ParentScorecardId, scorecard.OwnerId,
            scorecard.OwnerId is { } owner ? names.GetValueOrDefault(owner) : null, scorecard.PeriodStart, scorecard.PeriodEnd,
            total, totalPerformance, StrategyText.Status(StrategyGraph.StatusOf(total)), await access.CanEditAsync(scorecard, ct),
            scorecard.Version, perspectives);
    }

    public ObjectiveDto Objective(StrategyGraph graph, ObjectiveRecord o, IReadOnlyDictionary<Guid, string> names)
    {
        var score = graph.ObjectiveScore(o.Id);
        return new ObjectiveDto(o.Id, o.ScorecardId, o.PerspectiveId, o.Name, o.Description, o.OwnerId,
            o.OwnerId is { } owner ? names.GetValueOrDefault(owner) : null, o.Weight, score, graph.ObjectivePerformance(o.Id),
            StrategyText.Status(StrategyGraph.StatusOf(score)), o.Version,
            graph.KpisOf(o.Id).Select(k => Kpi(graph, k, names, withHistory: false)).ToList(),
            graph.Contributions.Where(c => c.ChildObjectiveId == o.Id)
                .Select(c => new ContributionDto(c.Id, c.ParentObjectiveId, graph.ObjectiveById.GetValueOrDefault(c.ParentObjectiveId)?.Name ?? "", c.Weight))
                .ToList(),
            graph.InitiativesOf(o.Id).Select(i => i.Id).ToList());
    }

    public async Task<ObjectiveDto> GetObjectiveAsync(Guid id, CancellationToken ct)
    {
        var graph = _graph ?? await StrategyGraph.LoadObjectivesAsync(db, [id], ct);
        var objective = graph.ObjectiveById.GetValueOrDefault(id) ?? throw new NotFoundException("Objective", id);
        return Objective(graph, objective, graph.IsComplete ? await PeopleNamesAsync(ct) : await OwnerNamesAsync(graph, ct));
    }

    public KpiDto Kpi(StrategyGraph graph, KpiRecord k, IReadOnlyDictionary<Guid, string> names, bool withHistory)
    {
        var e = graph.KpiScore(k.Id);
        var thresholds = k is { GreenThreshold: { } g, AmberThreshold: { } a }
            ? new ThresholdsDto(g, a)
            : new ThresholdsDto(StatusThresholds.Default.Green, StatusThresholds.Default.Amber);
        var history = withHistory
            ? graph.MeasurementsOf(k.Id).Reverse().Select(m => new MeasurementDto(m.Id, m.Date, m.Value, m.Note, m.EnteredById,
                m.EnteredById is { } by ? names.GetValueOrDefault(by) : null, m.EnteredAt, m.Version)).ToList()
            : null;
        return new KpiDto(k.Id, k.ObjectiveId, k.ParentKpiId, k.Name, k.Unit, k.OwnerId,
            k.OwnerId is { } owner ? names.GetValueOrDefault(owner) : null, k.DataSource, k.Direction, k.Baseline, k.Target,
            k.Min, k.Max, k.BandLow, k.BandHigh, thresholds, k.UpdateInterval, k.Leading, k.Weight, k.Aggregation,
            e.CurrentValue, e.LastMeasuredOn, e.Progress, e.Performance, e.StatusText, k.Version, history);
    }

    /// <summary>The KPI with its history: only that KPI (and the sub-KPIs it aggregates) is read, not the strategy.</summary>
    public async Task<KpiDto> GetKpiAsync(Guid id, CancellationToken ct)
    {
        var graph = _graph ?? await StrategyGraph.LoadKpiWithHistoryAsync(db, id, ct);
        var kpi = graph.KpiById.GetValueOrDefault(id) ?? throw new NotFoundException("KPI", id);
        var names = new Dictionary<Guid, string>(graph.IsComplete ? await PeopleNamesAsync(ct) : await OwnerNamesAsync(graph, ct));
        var enteredBy = graph.MeasurementsOf(id).Select(m => m.EnteredById).OfType<Guid>().Where(x => !names.ContainsKey(x)).Distinct().ToList();
        foreach (var p in enteredBy.Count == 0 ? [] : await directory.GetPeopleAsync(enteredBy, ct))
        {
            names[p.Id] = p.Name;
        }

        return Kpi(graph, kpi, names, withHistory: true);
    }

    /// <summary>The scorecard's health findings, from what its rules read (<see cref="StrategyGraph.LoadHealthScopeAsync"/>).</summary>
    /// <summary>Each KPI's values at its last <paramref name="count"/> measurements, oldest first (the scorecard page's sparklines).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<double>>> SparklinesAsync(IReadOnlyCollection<Guid> kpiIds, int count, CancellationToken ct)
    {
        var recent = _graph is { } graph
            ? kpiIds.SelectMany(graph.MeasurementsOf).ToLookup(m => m.KpiId)
            : await StrategyGraph.RecentMeasurementsAsync(db, kpiIds, count, ct);
        return kpiIds.Distinct().ToDictionary(id => id, id => (IReadOnlyList<double>)recent[id].TakeLast(count).Select(m => m.Value).ToList());
    }

    /// <summary>The stored KPI (for the rights checks), without reading anything around it.</summary>
    public async Task<KpiRecord> KpiRecordAsync(Guid id, CancellationToken ct) =>
        (_graph is { } graph
            ? graph.KpiById.GetValueOrDefault(id)
            : await db.Kpis.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct))
        ?? throw new NotFoundException("KPI", id);

    public async Task<HealthDto> HealthAsync(Guid scorecardId, CancellationToken ct)
    {
        var graph = _graph ?? await StrategyGraph.LoadHealthScopeAsync(db, scorecardId, ct);
        if (!graph.ScorecardById.ContainsKey(scorecardId))
        {
            throw new NotFoundException("Scorecard", scorecardId);
        }

        var findings = ScorecardHealth.Check(graph.HealthModel(), Today)
            .Where(f => f.Subject.ScorecardId == scorecardId)
            .OrderByDescending(f => f.Severity)
            .Select(f => new HealthFindingDto(f.Code, f.Severity.ToString().ToLowerInvariant(), f.Message,
                f.Subject.Kind.ToString().ToLowerInvariant(), f.Subject.Id, f.Subject.Name))
            .ToList();
        return new HealthDto(scorecardId, findings.Count(f => f.Severity == "error"), findings.Count(f => f.Severity == "warning"),
            findings.Count(f => f.Severity == "info"), findings);
    }

    public async Task<StrategyMapDto> MapAsync(Guid scorecardId, CancellationToken ct)
    {
        var graph = await GraphAsync(ct);
        await ScorecardAsync(scorecardId, ct);
        var links = graph.Links.Where(l => l.ScorecardId == scorecardId)
            .OrderByDescending(l => graph.PerspectiveById[graph.ObjectiveById[l.FromObjectiveId].PerspectiveId].Position)
            .ThenBy(l => graph.ObjectiveById[l.FromObjectiveId].Position)
            .ThenBy(l => graph.ObjectiveById[l.ToObjectiveId].Name)
            .Select(l =>
        {
            var check = graph.CheckHypothesis(l);
            return new HypothesisDto(l.Id, l.FromObjectiveId, graph.ObjectiveById[l.FromObjectiveId].Name, l.ToObjectiveId,
                graph.ObjectiveById[l.ToObjectiveId].Name, l.Hypothesis, check.Verdict.Label(), check.BestLag,
                check.Best?.R, check.Explanation,
                check.Lags.Select(x => new LagDto(x.Lag, x.Points, x.R, x.P, x.AdjustedP)).ToList(),
                check.Best?.Points, check.Best?.AdjustedP,
                (check.Best?.Pairs ?? []).Select(p => new ChangePairDto(p.DriverMonth, p.DriverChange, p.OutcomeChange)).ToList());
        }).ToList();
        return new StrategyMapDto(scorecardId, links);
    }

    public async Task<LineOfSightDto> LineOfSightAsync(Guid objectiveId, CancellationToken ct)
    {
        var graph = await GraphAsync(ct);
        if (!graph.ObjectiveById.ContainsKey(objectiveId))
        {
            throw new NotFoundException("Objective", objectiveId);
        }

        var result = graph.LineOfSight(objectiveId);
        var paths = result.Paths.Select(path => (IReadOnlyList<LineOfSightStepDto>)path.Select(id =>
        {
            var o = graph.ObjectiveById[id];
            var s = graph.ScorecardById[o.ScorecardId];
            var score = graph.ObjectiveScore(id);
            return new LineOfSightStepDto(id, o.Name, s.Id, s.Name, s.IsCompany, StrategyText.Status(StrategyGraph.StatusOf(score)), score);
        }).ToList()).ToList();
        return new LineOfSightDto(objectiveId, result.IsBroken, paths);
    }

    public async Task<IReadOnlyList<InitiativeDto>> InitiativesAsync(Guid scorecardId, CancellationToken ct)
    {
        var graph = await GraphAsync(ct);
        await ScorecardAsync(scorecardId, ct);
        var names = await PeopleNamesAsync(ct);
        return graph.Initiatives.Where(i => i.ScorecardId == scorecardId).Select(i => Initiative(graph, i, names)).ToList();
    }

    public InitiativeDto Initiative(StrategyGraph graph, InitiativeRecord i, IReadOnlyDictionary<Guid, string> names) =>
        new(i.Id, i.ScorecardId, i.Name, i.OwnerId, i.OwnerId is { } o ? names.GetValueOrDefault(o) : null, i.Start, i.End, i.Budget,
            i.Status, i.PercentComplete, graph.ObjectivesOfInitiative(i.Id), i.Version, i.Currency);

    public async Task<IReadOnlyList<StrategyReviewDto>> ReviewsAsync(Guid scorecardId, CancellationToken ct)
    {
        await ScorecardAsync(scorecardId, ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ScorecardId == scorecardId).ToListAsync(ct);
        var ids = reviews.Select(r => r.Id).ToList();
        var decisions = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.ReviewId)).ToListAsync(ct);
        return await ReviewDtosAsync(reviews, decisions, ct);
    }

    public async Task<IReadOnlyList<StrategyReviewDto>> ReviewDtosAsync(
        IReadOnlyList<StrategyReviewRecord> reviews, IReadOnlyList<ReviewDecisionRecord> decisions, CancellationToken ct)
    {
        var graph = await GraphAsync(ct);
        var personIds = reviews.SelectMany(r => ReviewAttendees.Parse(r.Attendees))
            .Concat(decisions.Select(d => d.OwnerId).OfType<Guid>()).Distinct().ToList();
        var people = (await directory.GetPeopleAsync(personIds, ct)).ToDictionary(p => p.Id, p => p.Name);
        return reviews.OrderByDescending(r => r.HeldOn).Select(r => new StrategyReviewDto(r.Id, r.ScorecardId, r.HeldOn, r.Title, r.Notes,
            ReviewAttendees.Parse(r.Attendees).Select(a => new PersonRefDto(a, people.GetValueOrDefault(a) ?? "(unknown)")).ToList(),
            decisions.Where(d => d.ReviewId == r.Id).OrderBy(d => d.Position).Select(d => new ReviewDecisionDto(d.Id, d.Kind, d.Text,
                d.OwnerId, d.OwnerId is { } o ? people.GetValueOrDefault(o) : null, d.DueOn, d.ObjectiveId,
                d.ObjectiveId is { } oid ? graph.ObjectiveById.GetValueOrDefault(oid)?.Name : null)).ToList(),
            r.RecordedById, r.RecordedAt)).ToList();
    }
}

internal static class ReviewAttendees
{
    public static IReadOnlyList<Guid> Parse(string attendees) =>
        attendees.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => Guid.TryParse(a, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty).ToList();

    public static string Format(IEnumerable<Guid> ids) => string.Join(",", ids.Distinct());
}
