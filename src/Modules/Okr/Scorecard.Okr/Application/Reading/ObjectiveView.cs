using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>
/// What showing some objectives needs, and no more: those objectives with their key results and check-ins, the
/// parents they link to (OKR and scorecard), their direct children with stored progress, and a graph over just these
/// to tell broken links. A fixed number of queries whatever the size of the company.
/// </summary>
internal sealed class ObjectiveView
{
    private readonly Dictionary<Guid, List<ChildProgress>> _children;
    private readonly Dictionary<Guid, ObjectiveStanding> _standings = [];
    private readonly DateOnly _today;

    public ObjectiveView(IReadOnlyList<OkrObjective> shown, IReadOnlyList<OkrObjective> parents,
        IReadOnlyList<StrategyObjectiveSummary> strategy, Dictionary<Guid, List<ChildProgress>> children, DateOnly today)
    {
        Shown = shown;
        _children = children;
        _today = today;
        var all = new Dictionary<Guid, OkrObjective>();
        foreach (var o in parents) all[o.Id] = o;
        foreach (var o in shown) all[o.Id] = o;
        ById = all;
        Strategy = strategy.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        Graph = new AlignmentGraph();
        foreach (var o in all.Values) Graph.AddObjective(OkrSnapshot.ToNode(o));
        foreach (var s in Strategy.Values)
            Graph.AddScorecardObjective(new ScorecardObjectiveNode(s.Id, s.Name, s.PerspectiveName, false, s.Description, s.ScorecardOrgUnitId));
        foreach (var o in shown)
        foreach (var link in o.Parents)
            Graph.TryAddParent(o.Id, OkrSnapshot.ToRef(link), Standings.LinkWeight(link.Weight), out _, out _);
    }

    /// <summary>The objectives loaded in full, in the order asked for.</summary>
    public IReadOnlyList<OkrObjective> Shown { get; }

    /// <summary>The shown objectives and their OKR parents (parents without key results).</summary>
    public IReadOnlyDictionary<Guid, OkrObjective> ById { get; }

    public IReadOnlyDictionary<Guid, StrategyObjectiveSummary> Strategy { get; }

    public AlignmentGraph Graph { get; }

    public ObjectiveStanding StandingOf(Guid objectiveId)
    {
        if (_standings.TryGetValue(objectiveId, out var known)) return known;
        var standing = Standings.Compute(ById[objectiveId], _children.GetValueOrDefault(objectiveId) ?? [], _today);
        _standings[objectiveId] = standing;
        return standing;
    }

    /// <summary>
    /// Loads the objectives with these ids (missing ones are left out). <paramref name="checkInsPerKeyResult"/> keeps the
    /// most recent check-ins of each key result (null: all, for evidence).
    /// </summary>
    public static async Task<ObjectiveView> LoadAsync(OkrDbContext db, IStrategyReader strategy, IReadOnlyList<Guid> ids,
        int? checkInsPerKeyResult, DateOnly today, CancellationToken ct)
    {
        if (ids.Count == 0) return new ObjectiveView([], [], [], [], today);
        var loaded = await db.Objectives.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Include(o => o.Parents)
            .Include(o => o.KeyResults)
            .AsSplitQuery()
            .ToListAsync(ct);
        var keyResults = loaded.SelectMany(o => o.KeyResults).ToDictionary(k => k.Id);
        if (keyResults.Count > 0)
        {
            var krIds = keyResults.Keys.ToList();
            var checkIns = await db.CheckIns.AsNoTracking().Where(c => krIds.Contains(c.KeyResultId)).ToListAsync(ct);
            foreach (var group in checkIns.GroupBy(c => c.KeyResultId))
            {
                IEnumerable<OkrCheckIn> recent = group.OrderByDescending(c => c.Date).ThenByDescending(c => c.RecordedAt);
                if (checkInsPerKeyResult is { } limit) recent = recent.Take(limit);
                keyResults[group.Key].CheckIns = [.. recent.Reverse()];
            }
        }
        var parentIds = loaded.SelectMany(o => o.Parents).Where(l => l.ParentObjectiveId is not null)
            .Select(l => l.ParentObjectiveId!.Value).Distinct().ToList();
        var parents = parentIds.Count == 0 ? [] : await db.Objectives.AsNoTracking().Where(o => parentIds.Contains(o.Id))
            .Select(o => new OkrObjective
            {
                Id = o.Id, Title = o.Title, Level = o.Level, Period = o.Period, PeriodStart = o.PeriodStart, PeriodEnd = o.PeriodEnd,
                OwnerPersonId = o.OwnerPersonId, OrgUnitId = o.OrgUnitId, Type = o.Type, Archived = o.Archived,
                Progress = o.Progress, ProgressHasData = o.ProgressHasData,
            })
            .ToListAsync(ct);
        var strategyIds = loaded.SelectMany(o => o.Parents).Where(l => l.StrategyObjectiveId is not null)
            .Select(l => l.StrategyObjectiveId!.Value).Distinct().ToList();
        var scorecard = strategyIds.Count == 0 ? [] : await strategy.GetObjectivesAsync(strategyIds, ct);
        var children = await ProgressUpdater.ChildrenAsync(db, [.. loaded.Select(o => o.Id)], ct);
        var order = ids.Select((id, i) => (id, i)).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.First().i);
        return new ObjectiveView([.. loaded.OrderBy(o => order[o.Id])], parents, scorecard, children, today);
    }
}
