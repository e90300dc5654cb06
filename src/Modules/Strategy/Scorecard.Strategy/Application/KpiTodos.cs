using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Security;
using Scorecard.Platform.Todos;
using Scorecard.Strategy.Domain.Kpis;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>KPI measurements due from the current person (the KPIs they own in current scorecards), by the same
/// due dates as the owner reminders (<see cref="KpiDueDates"/>).</summary>
internal sealed class KpiTodos(StrategyDbContext db, ICurrentUser user, TimeProvider clock) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> TodosAsync(CancellationToken ct)
    {
        if (user.PersonId is not { } me) return [];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var owned = await (from k in db.Kpis.AsNoTracking()
                           join o in db.Objectives.AsNoTracking() on k.ObjectiveId equals o.Id
                           join s in db.Scorecards.AsNoTracking() on o.ScorecardId equals s.Id
                           where k.OwnerId == me && s.PeriodStart <= today && s.PeriodEnd >= today
                           select new { k.Id, k.Name, k.UpdateInterval, k.TrackingSince, Scorecard = s.Name }).ToListAsync(ct);
        var ids = owned.Select(k => k.Id).ToList();
        var last = await db.Measurements.AsNoTracking().Where(m => ids.Contains(m.KpiId))
            .GroupBy(m => m.KpiId).Select(g => new { Kpi = g.Key, Last = g.Max(m => m.Date) }).ToDictionaryAsync(x => x.Kpi, x => x.Last, ct);
        var todos = new List<TodoItem>();
        foreach (var kpi in owned)
        {
            var due = KpiDueDates.Evaluate(KpiMath.Interval(kpi.UpdateInterval), last.TryGetValue(kpi.Id, out var d) ? d : null, today, kpi.TrackingSince);
            if (due.IsDue)
                todos.Add(new("kpi-measurement", $"Enter the latest value of \"{kpi.Name}\" ({kpi.Scorecard})", $"/kpis/{kpi.Id}", due.NextDueOn,
                    due.IsStale ? "stale" : null));
        }
        return todos;
    }
}

/// <summary>The strategy part of the setup checklist: a scorecard exists.</summary>
internal sealed class StrategySetupProgress(StrategyDbContext db) : ISetupProgress
{
    public async Task<IReadOnlyList<SetupStep>> StepsAsync(CancellationToken ct) =>
        [new("scorecard", "Build the company scorecard", await db.Scorecards.AnyAsync(ct), "/scorecards", 40)];
}
