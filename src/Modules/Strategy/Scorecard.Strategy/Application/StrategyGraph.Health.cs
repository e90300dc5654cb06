using Microsoft.EntityFrameworkCore;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>Scoped loads for one scorecard's page: what its health check and its sparklines read, not the whole strategy.</summary>
internal sealed partial class StrategyGraph
{
    /// <summary>
    /// What the health rules read for one scorecard: its tree with each KPI's latest measurement, its links and initiatives;
    /// the scorecards it cascades from (its parent chain and the company scorecards) for the mini-me rule; and the
    /// contributes-to paths up from its objectives for the broken-cascade rule. Findings about the other scorecards
    /// loaded are incomplete: keep only the asked scorecard's.
    /// </summary>
    public static async Task<StrategyGraph> LoadHealthScopeAsync(StrategyDbContext db, Guid scorecardId, CancellationToken ct)
    {
        var scorecards = await db.Scorecards.AsNoTracking().Where(s => s.Id == scorecardId || s.IsCompany).ToListAsync(ct);
        var byId = scorecards.ToDictionary(s => s.Id);
        var seen = new HashSet<Guid> { scorecardId };
        var next = byId.GetValueOrDefault(scorecardId)?.ParentScorecardId;
        while (next is { } parentId && seen.Add(parentId))
        {
            if (!byId.TryGetValue(parentId, out var parent))
            {
                parent = await db.Scorecards.AsNoTracking().SingleOrDefaultAsync(s => s.Id == parentId, ct);
                if (parent is null) break;
                byId[parentId] = parent;
                scorecards.Add(parent);
            }

            next = parent.ParentScorecardId;
        }

        var ids = scorecards.Select(s => s.Id).ToList();
        var perspectives = await db.Perspectives.AsNoTracking().Where(p => ids.Contains(p.ScorecardId)).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => ids.Contains(o.ScorecardId)).ToListAsync(ct);
        var objectiveIds = objectives.Select(o => o.Id).ToList();
        var own = objectives.Where(o => o.ScorecardId == scorecardId).Select(o => o.Id).ToList();
        var kpis = objectiveIds.Count == 0 ? [] : await db.Kpis.AsNoTracking().Where(k => objectiveIds.Contains(k.ObjectiveId)).ToListAsync(ct);
        var ownKpis = await WithSubKpisAsync(db, kpis.Where(k => own.Contains(k.ObjectiveId)).ToList(), ct);
        var allKpis = kpis.Concat(ownKpis).DistinctBy(k => k.Id).ToList();
        var measurements = await LatestMeasurementsAsync(db, ownKpis, ct);
        var links = own.Count == 0 ? [] : await db.Links.AsNoTracking()
            .Where(l => l.ScorecardId == scorecardId || own.Contains(l.FromObjectiveId) || own.Contains(l.ToObjectiveId)).ToListAsync(ct);
        var initiativeObjectives = own.Count == 0 ? [] : await db.InitiativeObjectives.AsNoTracking().Where(x => own.Contains(x.ObjectiveId)).ToListAsync(ct);
        var initiativeIds = initiativeObjectives.Select(x => x.InitiativeId).Distinct().ToList();
        var initiatives = initiativeIds.Count == 0 ? [] : await db.Initiatives.AsNoTracking().Where(i => initiativeIds.Contains(i.Id)).ToListAsync(ct);
        return new StrategyGraph(scorecards, perspectives, objectives, allKpis, measurements, links, await CascadesUpAsync(db, own, ct),
            initiatives, initiativeObjectives) { IsComplete = false };
    }

    /// <summary>The contributes-to links from the objectives up, level by level, to wherever they lead.</summary>
    private static async Task<List<ContributionRecord>> CascadesUpAsync(StrategyDbContext db, List<Guid> objectiveIds, CancellationToken ct)
    {
        var contributions = new List<ContributionRecord>();
        var seen = objectiveIds.ToHashSet();
        var frontier = objectiveIds;
        while (frontier.Count > 0)
        {
            var level = frontier;
            var found = await db.Contributions.AsNoTracking().Where(c => level.Contains(c.ChildObjectiveId)).ToListAsync(ct);
            contributions.AddRange(found);
            frontier = found.Select(c => c.ParentObjectiveId).Where(seen.Add).ToList();
        }

        return contributions;
    }

    /// <summary>Per KPI, its last <paramref name="count"/> measurement dates' rows (oldest first): read from the (KpiId, Date) index.</summary>
    public static async Task<ILookup<Guid, MeasurementRecord>> RecentMeasurementsAsync(
        StrategyDbContext db, IReadOnlyCollection<Guid> kpiIds, int count, CancellationToken ct)
    {
        var ids = kpiIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return Array.Empty<MeasurementRecord>().ToLookup(m => m.KpiId);
        }

        var rows = await (from k in db.Kpis
                          where ids.Contains(k.Id)
                          let cutoff = db.Measurements.Where(x => x.KpiId == k.Id).OrderByDescending(x => x.Date)
                              .Select(x => (DateOnly?)x.Date).Skip(count - 1).FirstOrDefault()
                          join m in db.Measurements.AsNoTracking() on k.Id equals m.KpiId
                          where cutoff == null || m.Date >= cutoff
                          select m).ToListAsync(ct);
        return rows.OrderBy(m => m.Date).ThenBy(m => m.EnteredAt).ToLookup(m => m.KpiId);
    }
}
