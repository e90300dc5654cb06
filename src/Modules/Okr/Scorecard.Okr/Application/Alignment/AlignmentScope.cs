using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Persistence;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>
/// What an incremental refresh recomputes and the objectives its analysis reads, loaded without the rest of the company:
/// <list type="number">
/// <item>the affected objectives — the marked ones, their OKR parents, their descendants when a mark says so, and every
/// objective of their owners (the owner checks count a whole portfolio);</item>
/// <item>the candidate parents of the analysed ones — the current objectives above the individual level whose period
/// contains an analysed period (<see cref="Domain.AlignmentGraph.CandidateParentsFor"/> never offers an individual goal);</item>
/// <item>every ancestor of all of these, so that line of sight, broken links, perspectives reached and the "never one of
/// its descendants" rule of the candidates see the same chains as in the whole graph.</item>
/// </list>
/// The graph over these gives the analysed objectives exactly the findings the whole company's graph gives them.
/// </summary>
internal sealed class AlignmentScope
{
    private readonly Dictionary<Guid, OkrObjective> _loaded = [];

    private AlignmentScope()
    {
    }

    /// <summary>The objectives whose stored rows are replaced (some may no longer exist: their rows go).</summary>
    public HashSet<Guid> Affected { get; } = [];

    /// <summary>Everything the analysis reads, the affected objectives included.</summary>
    public IReadOnlyCollection<OkrObjective> Objectives => _loaded.Values;

    public static async Task<AlignmentScope> LoadAsync(OkrDbContext db, IReadOnlyList<OkrAlignmentDirty> marks, CancellationToken ct)
    {
        var scope = new AlignmentScope();
        var marked = marks.Select(m => m.ObjectiveId).ToHashSet();
        await scope.LoadObjectivesAsync(db, marked, ct);
        scope.Affected.UnionWith(marked);

        // Parents of the marked objectives that still exist; descendants of those marked so.
        foreach (var id in marked.Where(scope._loaded.ContainsKey))
            scope.Affected.UnionWith(scope._loaded[id].Parents.Where(l => l.ParentObjectiveId is not null).Select(l => l.ParentObjectiveId!.Value));
        var below = marks.Where(m => m.WithDescendants && scope._loaded.ContainsKey(m.ObjectiveId)).Select(m => m.ObjectiveId).ToHashSet();
        scope.Affected.UnionWith(await DescendantsAsync(db, below, ct));
        await scope.LoadObjectivesAsync(db, scope.Affected, ct);

        // Every objective of their owners.
        var owners = scope.Affected.Select(id => scope._loaded.GetValueOrDefault(id)?.OwnerPersonId).OfType<Guid>().Distinct().ToList();
        if (owners.Count > 0)
        {
            var ownedIds = await db.Objectives.AsNoTracking().Where(o => o.OwnerPersonId != null && owners.Contains(o.OwnerPersonId.Value)).Select(o => o.Id).ToListAsync(ct);
            scope.Affected.UnionWith(ownedIds);
            await scope.LoadObjectivesAsync(db, ownedIds, ct);
        }

        // The candidate parents of each analysed period, then every ancestor of everything loaded.
        var periods = scope.Affected.Select(id => scope._loaded.GetValueOrDefault(id)).OfType<OkrObjective>()
            .Where(o => !o.Archived && o.Level != "company")
            .Select(o => (o.PeriodStart, o.PeriodEnd)).Distinct().OrderBy(p => p.PeriodStart).ThenBy(p => p.PeriodEnd).ToList();
        foreach (var (start, end) in periods)
        {
            var candidates = await db.Objectives.AsNoTracking()
                .Where(o => o.Level != "individual" && !o.Archived && o.PeriodStart <= start && o.PeriodEnd >= end)
                .Select(o => o.Id).ToListAsync(ct);
            await scope.LoadObjectivesAsync(db, candidates, ct);
        }
        for (var depth = 0; depth < 1000; depth++)
        {
            var missing = scope._loaded.Values.SelectMany(o => o.Parents).Where(l => l.ParentObjectiveId is { } p && !scope._loaded.ContainsKey(p))
                .Select(l => l.ParentObjectiveId!.Value).ToHashSet();
            if (missing.Count == 0 || await scope.LoadObjectivesAsync(db, missing, ct) == 0) break; // a link to a deleted objective stays broken
        }
        return scope;
    }

    /// <summary>All objectives below the given ones, any depth, whatever the links' state (as <see cref="Domain.AlignmentGraph.DescendantsOf"/>).</summary>
    private static async Task<HashSet<Guid>> DescendantsAsync(OkrDbContext db, IReadOnlySet<Guid> roots, CancellationToken ct)
    {
        var result = new HashSet<Guid>();
        var frontier = roots.ToList();
        while (frontier.Count > 0)
        {
            var children = await (from l in db.ParentLinks.AsNoTracking()
                                  join c in db.Objectives.AsNoTracking() on l.ObjectiveId equals c.Id
                                  where l.ParentObjectiveId != null && frontier.Contains(l.ParentObjectiveId.Value)
                                  select l.ObjectiveId).Distinct().ToListAsync(ct);
            frontier = [.. children.Where(result.Add)];
        }
        return result;
    }

    /// <summary>Loads those not loaded yet, with their links and key results (the similarity text includes the key results' titles).</summary>
    private async Task<int> LoadObjectivesAsync(OkrDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Where(id => !_loaded.ContainsKey(id)).Distinct().ToList();
        if (wanted.Count == 0) return 0;
        var found = await db.Objectives.AsNoTracking()
            .Where(o => wanted.Contains(o.Id))
            .Include(o => o.Parents)
            .Include(o => o.KeyResults)
            .AsSplitQuery()
            .ToListAsync(ct);
        foreach (var o in found) _loaded[o.Id] = o;
        return found.Count;
    }
}
