using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Persistence;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>The stored coverage by department, an aggregate of the stored per-objective states.</summary>
internal sealed partial class AlignmentRefresher
{
    /// <summary>
    /// Per department and objective period, from the stored state of every current individual goal: of every department
    /// and period, or (incremental) of the given departments in the given periods only — those whose goals the refresh
    /// rewrote, before and after.
    /// </summary>
    private async Task RebuildDepartmentCoverageAsync(DateTimeOffset now, IReadOnlyCollection<Guid>? departments, IReadOnlyCollection<string>? periods, CancellationToken ct)
    {
        var states = db.ObjectiveAlignments.AsNoTracking()
            .Where(s => s.Level == "individual" && !s.Archived && s.OwnerPersonId != null && s.DepartmentId != null);
        var rows = db.DepartmentCoverage.AsQueryable();
        if (departments is not null && periods is not null)
        {
            if (departments.Count == 0 || periods.Count == 0) return;
            var d = departments.ToList();
            var p = periods.ToList();
            states = states.Where(s => d.Contains(s.DepartmentId!.Value) && p.Contains(s.Period));
            rows = rows.Where(c => d.Contains(c.DepartmentId) && p.Contains(c.Period));
        }
        var goals = await states
            .Select(s => new { DepartmentId = s.DepartmentId!.Value, s.Period, s.PeriodStart, s.PeriodEnd, s.Aligned, s.PerspectivesJson })
            .ToListAsync(ct);
        await rows.ExecuteDeleteAsync(ct);
        foreach (var group in goals.GroupBy(g => (g.DepartmentId, g.Period)))
        {
            var counts = new SortedDictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            var mapped = 0;
            foreach (var g in group)
            {
                var reached = JsonSerializer.Deserialize<List<string>>(g.PerspectivesJson, Json) ?? [];
                if (reached.Count == 0) continue;
                mapped++;
                foreach (var perspective in reached) counts[perspective] = counts.GetValueOrDefault(perspective) + 1.0 / reached.Count;
            }
            var first = group.First();
            db.DepartmentCoverage.Add(new OkrDepartmentCoverage
            {
                DepartmentId = group.Key.DepartmentId,
                Period = group.Key.Period,
                PeriodStart = first.PeriodStart,
                PeriodEnd = first.PeriodEnd,
                Goals = group.Count(),
                Aligned = group.Count(g => g.Aligned),
                Mapped = mapped,
                PerspectiveCountsJson = JsonSerializer.Serialize(counts, Json),
                ComputedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
