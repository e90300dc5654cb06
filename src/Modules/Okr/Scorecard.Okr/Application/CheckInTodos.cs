using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Persistence;
using Scorecard.Platform.Security;
using Scorecard.Platform.Todos;

namespace Scorecard.Okr.Application;

/// <summary>
/// Key results of the current person's objectives in the running period whose weekly check-in is due: the last
/// check-in (or the period's start) is at least <see cref="CadenceDays"/> days old. KPI-linked key results are left
/// out — they follow their KPI's measurements.
/// </summary>
internal sealed class CheckInTodos(OkrDbContext db, ICurrentUser user, TimeProvider clock) : ITodoSource
{
    public const int CadenceDays = 7;

    public async Task<IReadOnlyList<TodoItem>> TodosAsync(CancellationToken ct)
    {
        if (user.PersonId is not { } me) return [];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var keyResults = await (from k in db.KeyResults.AsNoTracking()
                                join o in db.Objectives.AsNoTracking() on k.ObjectiveId equals o.Id
                                where o.OwnerPersonId == me && !o.Archived && o.PeriodStart <= today && o.PeriodEnd >= today && k.Kind != "kpi"
                                select new { k.Id, k.Title, Objective = o.Title, ObjectiveId = o.Id, o.PeriodStart }).ToListAsync(ct);
        var ids = keyResults.Select(k => k.Id).ToList();
        var last = await db.CheckIns.AsNoTracking().Where(c => ids.Contains(c.KeyResultId))
            .GroupBy(c => c.KeyResultId).Select(g => new { Kr = g.Key, Last = g.Max(c => c.Date) }).ToDictionaryAsync(x => x.Kr, x => x.Last, ct);
        var todos = new List<TodoItem>();
        foreach (var kr in keyResults)
        {
            var due = (last.TryGetValue(kr.Id, out var d) ? d : kr.PeriodStart).AddDays(CadenceDays);
            if (due <= today)
                todos.Add(new("check-in", $"Check in on \"{kr.Title}\"", $"/okr/objectives/{kr.ObjectiveId}", due, kr.Objective));
        }
        return todos;
    }
}
