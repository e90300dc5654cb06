using Microsoft.EntityFrameworkCore;
using Scorecard.Strategy.Contracts;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>The contract other modules read strategy through (OKR links, review evidence).</summary>
/// <remarks>
/// Each read loads only what it answers: the objectives or KPIs asked for with their latest measurements
/// (<see cref="StrategyGraph.LoadObjectivesAsync"/>), never every scorecard's history.
/// </remarks>
internal sealed class StrategyReader(StrategyDbContext db) : IStrategyReader
{
    private StrategyGraph? _structure;

    private async Task<StrategyGraph> StructureAsync(CancellationToken ct) => _structure ??= await StrategyGraph.LoadStructureAsync(db, ct);

    public async Task<StrategyObjectiveSummary?> GetObjectiveAsync(Guid objectiveId, CancellationToken cancellationToken = default) =>
        (await GetObjectivesAsync([objectiveId], cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<StrategyObjectiveSummary>> GetObjectivesAsync(IEnumerable<Guid> objectiveIds, CancellationToken cancellationToken = default)
    {
        var ids = objectiveIds.Distinct().ToList();
        var graph = await StrategyGraph.LoadObjectivesAsync(db, ids, cancellationToken);
        return ids.Where(graph.ObjectiveById.ContainsKey).Select(id => Summary(graph, graph.ObjectiveById[id])).ToList();
    }

    public async Task<IReadOnlyList<StrategyObjectiveSummary>> ListObjectivesAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var ids = await db.Scorecards.AsNoTracking()
            .Where(s => asOf == null || (s.PeriodStart <= asOf && asOf <= s.PeriodEnd))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var graph = await StrategyGraph.LoadScorecardsAsync(db, ids, cancellationToken);
        return graph.Scorecards
            .SelectMany(s => graph.PerspectivesOf(s.Id).SelectMany(p => graph.ObjectivesOf(p.Id)))
            .Select(o => Summary(graph, o))
            .ToList();
    }

    public async Task<KpiSummary?> GetKpiAsync(Guid kpiId, CancellationToken cancellationToken = default)
    {
        var graph = await StrategyGraph.LoadKpisAsync(db, db.Kpis.Where(k => k.Id == kpiId), cancellationToken);
        return graph.KpiById.TryGetValue(kpiId, out var k) ? Summary(graph, k) : null;
    }

    public async Task<IReadOnlyList<KpiSummary>> GetKpisOwnedByAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var graph = await StrategyGraph.LoadKpisAsync(db, db.Kpis.Where(k => k.OwnerId == personId), cancellationToken);
        return graph.Kpis.Where(k => k.OwnerId == personId).Select(k => Summary(graph, k)).ToList();
    }

    public async Task<IReadOnlyList<KpiMeasurementPoint>> GetMeasurementsAsync(Guid kpiId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = await db.Measurements.AsNoTracking().Where(m => m.KpiId == kpiId && m.Date >= from && m.Date <= to)
            .ToListAsync(cancellationToken);
        return rows.OrderBy(m => m.Date).ThenBy(m => m.EnteredAt).Select(m => new KpiMeasurementPoint(m.Date, m.Value, m.Note)).ToList();
    }

    public async Task<LineOfSight?> GetLineOfSightAsync(Guid objectiveId, CancellationToken cancellationToken = default)
    {
        var graph = await StructureAsync(cancellationToken);
        if (!graph.ObjectiveById.ContainsKey(objectiveId))
        {
            return null;
        }

        var result = graph.LineOfSight(objectiveId);
        return new LineOfSight(objectiveId, result.Paths.Select(path => (IReadOnlyList<LineOfSightStep>)path.Select(id =>
        {
            var o = graph.ObjectiveById[id];
            var s = graph.ScorecardById[o.ScorecardId];
            return new LineOfSightStep(id, o.Name, s.Id, s.Name, s.IsCompany);
        }).ToList()).ToList());
    }

    public async Task<IReadOnlyList<PerspectiveWeight>> GetCompanyPerspectiveWeightsAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var graph = await StructureAsync(cancellationToken);
        var company = graph.Scorecards.Where(s => s.IsCompany && s.PeriodStart <= asOf && asOf <= s.PeriodEnd)
            .OrderByDescending(s => s.PeriodStart).FirstOrDefault();
        if (company is null)
        {
            return [];
        }

        var perspectives = graph.PerspectivesOf(company.Id);
        var total = perspectives.Sum(p => p.Weight);
        // All weights 0 means unweighted: every perspective counts equally (as in the roll-up).
        return perspectives.Select(p => new PerspectiveWeight(p.Id, p.Name,
            total > 0 ? p.Weight / total : 1.0 / perspectives.Count)).ToList();
    }

    public async Task<IReadOnlyList<string>> GetScorecardNamesOfOrgUnitAsync(Guid orgUnitId, CancellationToken cancellationToken = default) =>
        await db.Scorecards.Where(s => s.OrgUnitId == orgUnitId).OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken);

    private static StrategyObjectiveSummary Summary(StrategyGraph graph, ObjectiveRecord o)
    {
        var s = graph.ScorecardById[o.ScorecardId];
        var p = graph.PerspectiveById[o.PerspectiveId];
        var score = graph.ObjectiveScore(o.Id);
        return new StrategyObjectiveSummary(o.Id, s.Id, s.Name, s.IsCompany, p.Id, p.Name, o.Name, o.Description, o.OwnerId,
            score, StrategyText.Status(StrategyGraph.StatusOf(score)), s.PeriodStart, s.PeriodEnd, s.OrgUnitId);
    }

    private static KpiSummary Summary(StrategyGraph graph, KpiRecord k)
    {
        var e = graph.KpiScore(k.Id);
        return new KpiSummary(k.Id, k.ObjectiveId, k.Name, k.Unit, k.OwnerId, k.Direction, k.Baseline, k.Target,
            e.CurrentValue, e.LastMeasuredOn, e.Progress, e.Performance, e.StatusText);
    }
}
