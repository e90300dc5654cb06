using Microsoft.EntityFrameworkCore;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>
/// Scoped loads: one part of the strategy, each KPI with only its latest measurement (the rows of its latest date), so
/// a read costs what it shows, not the number of scorecards or months stored. The queries and rows depend on the
/// structure shown (objectives, KPIs, sub-KPI depth, cascades), never on how many measurements or other scorecards exist.
/// A scoped graph has no strategy-map links and no history: health, map and hypothesis checks use <see cref="LoadAsync"/>.
/// </summary>
internal sealed partial class StrategyGraph
{
    /// <summary>How deep sub-KPI aggregation is followed (as in <see cref="KpiMath.Evaluate"/>).</summary>
    private const int MaxSubKpiDepth = 8;

    /// <summary>False for a scoped graph: only the latest measurement per KPI, only the loaded scorecards.</summary>
    public bool IsComplete { get; private init; } = true;

    /// <summary>The scorecards' trees: perspectives, objectives, KPIs (with the sub-KPIs they aggregate), cascades, initiative ids.</summary>
    public static async Task<StrategyGraph> LoadScorecardsAsync(StrategyDbContext db, IReadOnlyCollection<Guid> scorecardIds, CancellationToken ct)
    {
        var ids = scorecardIds.Distinct().ToList();
        var scorecards = await db.Scorecards.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var perspectives = await db.Perspectives.AsNoTracking().Where(p => ids.Contains(p.ScorecardId)).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => ids.Contains(o.ScorecardId)).ToListAsync(ct);
        return await CompleteAsync(db, scorecards, perspectives, objectives, ct);
    }

    /// <summary>The objectives asked for with their scorecard, perspective, KPIs, cascades and initiative ids.</summary>
    public static async Task<StrategyGraph> LoadObjectivesAsync(StrategyDbContext db, IReadOnlyCollection<Guid> objectiveIds, CancellationToken ct)
    {
        var ids = objectiveIds.Distinct().ToList();
        var objectives = ids.Count == 0 ? [] : await db.Objectives.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var scorecardIds = objectives.Select(o => o.ScorecardId).Distinct().ToList();
        var perspectiveIds = objectives.Select(o => o.PerspectiveId).Distinct().ToList();
        var scorecards = scorecardIds.Count == 0 ? [] : await db.Scorecards.AsNoTracking().Where(s => scorecardIds.Contains(s.Id)).ToListAsync(ct);
        var perspectives = perspectiveIds.Count == 0 ? [] : await db.Perspectives.AsNoTracking().Where(p => perspectiveIds.Contains(p.Id)).ToListAsync(ct);
        return await CompleteAsync(db, scorecards, perspectives, objectives, ct);
    }

    /// <summary>KPIs (with the sub-KPIs they aggregate and their latest measurements) and nothing around them.</summary>
    public static async Task<StrategyGraph> LoadKpisAsync(StrategyDbContext db, IQueryable<KpiRecord> query, CancellationToken ct)
    {
        var kpis = await WithSubKpisAsync(db, await query.AsNoTracking().ToListAsync(ct), ct);
        return new StrategyGraph([], [], [], kpis, await LatestMeasurementsAsync(db, kpis, ct), [], [], [], []) { IsComplete = false };
    }

    /// <summary>One KPI with its whole history (its page and API read), the sub-KPIs it aggregates with their latest measurements.</summary>
    public static async Task<StrategyGraph> LoadKpiWithHistoryAsync(StrategyDbContext db, Guid kpiId, CancellationToken ct)
    {
        var kpis = await WithSubKpisAsync(db, await db.Kpis.AsNoTracking().Where(k => k.Id == kpiId).ToListAsync(ct), ct);
        var subs = kpis.Where(k => k.Id != kpiId).ToList();
        var history = await db.Measurements.AsNoTracking().Where(m => m.KpiId == kpiId).ToListAsync(ct);
        return new StrategyGraph([], [], [], kpis, [.. history, .. await LatestMeasurementsAsync(db, subs, ct)], [], [], [], [])
            { IsComplete = false };
    }

    /// <summary>Everything but the measurements (line of sight, perspective weights: no values shown).</summary>
    public static async Task<StrategyGraph> LoadStructureAsync(StrategyDbContext db, CancellationToken ct) => new(
        await db.Scorecards.AsNoTracking().ToListAsync(ct),
        await db.Perspectives.AsNoTracking().ToListAsync(ct),
        await db.Objectives.AsNoTracking().ToListAsync(ct),
        await db.Kpis.AsNoTracking().ToListAsync(ct),
        [],
        [],
        await db.Contributions.AsNoTracking().ToListAsync(ct),
        [],
        []) { IsComplete = false };

    private static async Task<StrategyGraph> CompleteAsync(StrategyDbContext db, List<ScorecardRecord> scorecards,
        List<PerspectiveRecord> perspectives, List<ObjectiveRecord> objectives, CancellationToken ct)
    {
        var objectiveIds = objectives.Select(o => o.Id).ToList();
        if (objectiveIds.Count == 0)
        {
            return new StrategyGraph(scorecards, perspectives, objectives, [], [], [], [], [], []) { IsComplete = false };
        }

        var kpis = await WithSubKpisAsync(db, await db.Kpis.AsNoTracking().Where(k => objectiveIds.Contains(k.ObjectiveId)).ToListAsync(ct), ct);
        var measurements = await LatestMeasurementsAsync(db, kpis, ct);
        var contributions = await db.Contributions.AsNoTracking().Where(c => objectiveIds.Contains(c.ChildObjectiveId)).ToListAsync(ct);

        // The objectives the cascades point to are loaded for their names only (their scorecards are not in scope).
        var parentIds = contributions.Select(c => c.ParentObjectiveId).Where(id => !objectiveIds.Contains(id)).Distinct().ToList();
        var parents = parentIds.Count == 0 ? [] : await db.Objectives.AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToListAsync(ct);

        var initiativeObjectives = await db.InitiativeObjectives.AsNoTracking().Where(x => objectiveIds.Contains(x.ObjectiveId)).ToListAsync(ct);
        var initiativeIds = initiativeObjectives.Select(x => x.InitiativeId).Distinct().ToList();
        var initiatives = initiativeIds.Count == 0 ? [] : await db.Initiatives.AsNoTracking().Where(i => initiativeIds.Contains(i.Id)).ToListAsync(ct);
        return new StrategyGraph(scorecards, perspectives, [.. objectives, .. parents], kpis, measurements, [], contributions,
            initiatives, initiativeObjectives) { IsComplete = false };
    }

    /// <summary>Adds the sub-KPIs that aggregated KPIs take their value from (one query per level of aggregation).</summary>
    private static async Task<List<KpiRecord>> WithSubKpisAsync(StrategyDbContext db, List<KpiRecord> kpis, CancellationToken ct)
    {
        var loaded = kpis.Select(k => k.Id).ToHashSet();
        var aggregated = kpis.Where(k => k.Aggregation is not null).Select(k => k.Id).ToList();
        for (var depth = 0; aggregated.Count > 0 && depth < MaxSubKpiDepth; depth++)
        {
            var parents = aggregated;
            var subs = await db.Kpis.AsNoTracking().Where(k => k.ParentKpiId != null && parents.Contains(k.ParentKpiId.Value)).ToListAsync(ct);
            var added = subs.Where(k => loaded.Add(k.Id)).ToList();
            kpis.AddRange(added);
            aggregated = added.Where(k => k.Aggregation is not null).Select(k => k.Id).ToList();
        }

        return kpis;
    }

    /// <summary>Per KPI, the measurements of its latest date (the last entered of them is its current value).</summary>
    private static async Task<List<MeasurementRecord>> LatestMeasurementsAsync(StrategyDbContext db, List<KpiRecord> kpis, CancellationToken ct)
    {
        var ids = kpis.Select(k => k.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        // Driven by the KPIs: per KPI one seek for its latest date and one for that date's rows, both on the (KpiId, Date)
        // index, so the cost follows the number of KPIs and not the months stored (a GROUP BY over the KPIs' measurements
        // read every month of every KPI).
        return await (from k in db.Kpis
                      where ids.Contains(k.Id)
                      join m in db.Measurements.AsNoTracking() on k.Id equals m.KpiId
                      where m.Date == db.Measurements.Where(x => x.KpiId == k.Id).Max(x => (DateOnly?)x.Date)
                      select m).ToListAsync(ct);
    }
}
