using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Persistence;

namespace Scorecard.Okr.Application;

/// <summary>
/// Keeps the stored progress columns current: after a write, the changed objectives are recomputed from their key
/// results and their direct children's stored progress, then their parents, up the chain while a value changes.
/// Runs inside the write's transaction, so a reader never sees a check-in without its progress.
/// </summary>
internal sealed class ProgressUpdater(OkrDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task RefreshAsync(IEnumerable<Guid> objectiveIds, CancellationToken ct)
    {
        var queue = new Queue<Guid>(objectiveIds.Distinct());
        var forced = queue.ToHashSet();
        var steps = 0;
        while (queue.TryDequeue(out var id))
        {
            if (++steps > 100_000) break; // links cannot form cycles (refused on write); this is only a guard
            var objective = await db.Objectives.Include(o => o.KeyResults).FirstOrDefaultAsync(o => o.Id == id, ct);
            if (objective is null) continue;
            var children = await ChildrenAsync(db, [id], ct);
            var standing = Standings.Compute(objective, children.GetValueOrDefault(id) ?? [], Today);
            var changed = !objective.ProgressKnown || objective.Progress != standing.Progress || objective.ProgressHasData != standing.HasData;
            objective.Progress = standing.Progress;
            objective.ProgressHasData = standing.HasData;
            objective.ProgressKnown = true;
            await db.SaveChangesAsync(ct);
            var wasForced = forced.Remove(id);
            if (!changed && !wasForced) continue;
            var parents = await db.ParentLinks.AsNoTracking()
                .Where(l => l.ObjectiveId == id && l.ParentObjectiveId != null).Select(l => l.ParentObjectiveId!.Value).ToListAsync(ct);
            foreach (var parent in parents) queue.Enqueue(parent);
        }
    }

    /// <summary>Direct, not archived children of the given objectives with their stored progress, in one query.</summary>
    public static async Task<Dictionary<Guid, List<ChildProgress>>> ChildrenAsync(OkrDbContext db, IReadOnlyCollection<Guid> parentIds, CancellationToken ct)
    {
        var rows = await (from l in db.ParentLinks.AsNoTracking()
                          join c in db.Objectives.AsNoTracking() on l.ObjectiveId equals c.Id
                          where l.ParentObjectiveId != null && parentIds.Contains(l.ParentObjectiveId.Value) && !c.Archived
                          select new { Parent = l.ParentObjectiveId!.Value, c.Id, c.Title, c.Progress, c.ProgressHasData, l.Weight })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Parent).ToDictionary(g => g.Key,
            g => g.Select(r => new ChildProgress(r.Id, r.Title, r.Progress, r.ProgressHasData, Standings.LinkWeight(r.Weight))).ToList());
    }

    /// <summary>Every objective whose progress is not known yet (rows from before the column, bulk imports), bottom-up via the snapshot.</summary>
    public async Task<int> BackfillAsync(Strategy.Contracts.IStrategyReader strategy, CancellationToken ct)
    {
        if (!await db.Objectives.AnyAsync(o => !o.ProgressKnown, ct)) return 0;
        var snapshot = await OkrSnapshot.LoadAsync(db, strategy, Today, ct);
        var stale = await db.Objectives.Where(o => !o.ProgressKnown).ToListAsync(ct);
        foreach (var o in stale)
        {
            var standing = snapshot.StandingOf(o.Id);
            o.Progress = standing.Progress;
            o.ProgressHasData = standing.HasData;
            o.ProgressKnown = true;
        }
        await db.SaveChangesAsync(ct);
        return stale.Count;
    }
}
