using Scorecard.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scorecard.Platform.Inbox;
using Scorecard.Strategy.Domain.Kpis;
using Scorecard.Strategy.Persistence;
using static System.FormattableString;

namespace Scorecard.Strategy.Application;

/// <summary>
/// Finds KPIs that are due or stale (<see cref="KpiDueDates"/>) in scorecards whose period contains the date and
/// puts a reminder in the owner's inbox, deduplicated per KPI and due date (<c>kpi-due:{kpiId}:{dueDate}</c>),
/// so an owner hears once per due date however often the job runs.
/// </summary>
internal sealed class KpiReminders(StrategyDbContext db, IInbox inbox)
{
    public static string DedupKey(Guid kpiId, DateOnly dueOn) => Invariant($"kpi-due:{kpiId}:{dueOn:yyyy-MM-dd}");

    /// <returns>How many notifications were sent (already-sent ones are not counted).</returns>
    public async Task<int> RunAsync(DateOnly asOf, CancellationToken ct)
    {
        var scorecards = await db.Scorecards.AsNoTracking()
            .Where(s => s.PeriodStart <= asOf && s.PeriodEnd >= asOf).ToDictionaryAsync(s => s.Id, ct);
        var scorecardIds = scorecards.Keys.ToList();
        var objectives = await db.Objectives.AsNoTracking().Where(o => scorecardIds.Contains(o.ScorecardId))
            .ToDictionaryAsync(o => o.Id, ct);
        var objectiveIds = objectives.Keys.ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.OwnerId != null && objectiveIds.Contains(k.ObjectiveId)).ToListAsync(ct);
        var kpiIds = kpis.Select(k => k.Id).ToList();
        var last = (await db.Measurements.AsNoTracking().Where(m => kpiIds.Contains(m.KpiId))
                .Select(m => new { m.KpiId, m.Date }).ToListAsync(ct))
            .GroupBy(m => m.KpiId).ToDictionary(g => g.Key, g => g.Max(m => m.Date));
        var sent = 0;
        foreach (var kpi in kpis)
        {
            var lastOn = last.TryGetValue(kpi.Id, out var d) ? d : (DateOnly?)null;
            var due = KpiDueDates.Evaluate(KpiMath.Interval(kpi.UpdateInterval), lastOn, asOf, kpi.TrackingSince);
            if (!due.IsDue)
            {
                continue;
            }

            var scorecard = scorecards[objectives[kpi.ObjectiveId].ScorecardId];
            var text = due.IsStale
                ? Invariant($"\"{kpi.Name}\" ({scorecard.Name}) is stale: no value since {(lastOn is { } l ? l.ToString("yyyy-MM-dd") : "it was set up")}; it was due on {due.NextDueOn:yyyy-MM-dd}. Please enter the latest measurement.")
                : Invariant($"\"{kpi.Name}\" ({scorecard.Name}) is due for its {kpi.UpdateInterval} update (due {due.NextDueOn:yyyy-MM-dd}). Please enter the latest measurement.");
            if (await inbox.NotifyAsync(kpi.OwnerId!.Value, DedupKey(kpi.Id, due.NextDueOn), text, $"/kpis/{kpi.Id}", ct))
            {
                sent++;
            }
        }

        return sent;
    }
}

/// <summary>Runs <see cref="KpiReminders"/> shortly after start and then every few hours (Scorecard:Strategy:ReminderHours), on one instance.</summary>
internal sealed class KpiReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<KpiReminderService> logger,
    IConfiguration configuration) : ClusteredJob(scopes, clock, logger)
{
    protected override string Name => "strategy.kpi-reminders";

    protected override TimeSpan Interval => TimeSpan.FromHours(Math.Max(0.01, configuration.GetValue("Scorecard:Strategy:ReminderHours", 6.0)));

    protected override async Task<string> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<KpiReminders>().RunAsync(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), cancellationToken);
        return $"{sent} KPI reminders";
    }
}
