using Scorecard.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scorecard.Platform.Inbox;
using Scorecard.Reviews.Domain;
using Scorecard.Reviews.Persistence;

namespace Scorecard.Reviews.Application;

/// <summary>
/// In-app reminders for the current phase's deadline: one "due soon" reminder in the
/// <see cref="DaysBefore"/> days before it and one "overdue" reminder after it, each at most once per
/// person per deadline (the inbox de-duplicates on the key). Running it twice on a day sends nothing new.
/// </summary>
internal sealed class ReviewReminders(ReviewsDbContext db, IInbox inbox)
{
    public const int DaysBefore = 3;

    public async Task<int> RunAsync(DateOnly today, Guid? cycleId = null, CancellationToken ct = default)
    {
        var query = db.Cycles.AsNoTracking().Where(c => c.Phase != ReviewPhase.Draft && c.Phase != ReviewPhase.Closed);
        if (cycleId is { } id) query = query.Where(c => c.Id == id);
        var sent = 0;
        foreach (var cycle in await query.ToListAsync(ct))
        {
            if (cycle.DeadlineOf(cycle.Phase) is not { } deadline) continue;
            string? when = today > deadline ? "overdue" : today >= deadline.AddDays(-DaysBefore) ? "due" : null;
            if (when is null) continue;
            foreach (var (person, what) in await OwedAsync(cycle, ct))
            {
                var text = when == "due"
                    ? $"Reminder: {what} in \"{cycle.Name}\" is due on {deadline:d MMM yyyy}."
                    : $"Overdue: {what} in \"{cycle.Name}\" was due on {deadline:d MMM yyyy}.";
                if (await inbox.NotifyAsync(person, $"reviews:reminder:{cycle.Id}:{cycle.Phase}:{deadline:yyyy-MM-dd}:{when}:{person}", text, "/reviews", ct))
                    sent++;
            }
        }
        return sent;
    }

    /// <summary>
    /// HR's "send reminders now": everyone with open work in the cycle's phase is reminded, whatever the deadline.
    /// Each manual send has its own key, so a second send reaches people again while the inbox still delivers each send once.
    /// </summary>
    public async Task<int> SendNowAsync(Guid cycleId, Guid sendId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new NotFoundException("Review cycle", cycleId);
        if (cycle.Phase is ReviewPhase.Draft or ReviewPhase.Closed)
            throw new ConflictException($"The cycle is in the '{cycle.Phase}' phase; there is no open work to remind anyone of.");
        var deadline = cycle.DeadlineOf(cycle.Phase);
        var sent = 0;
        foreach (var (person, what) in await OwedAsync(cycle, ct))
        {
            var text = deadline is { } d ? $"Reminder from HR: {what} in \"{cycle.Name}\" is due on {d:d MMM yyyy}." : $"Reminder from HR: {what} in \"{cycle.Name}\" is still open.";
            if (await inbox.NotifyAsync(person, $"reviews:reminder-now:{cycle.Id}:{sendId}:{person}", text, "/reviews", ct)) sent++;
        }
        return sent;
    }

    /// <summary>Who still owes something in the cycle's phase, one entry per person.</summary>
    private async Task<IReadOnlyList<(Guid Person, string What)>> OwedAsync(ReviewCycle cycle, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.CycleId == cycle.Id).ToListAsync(ct);
        var owed = new Dictionary<Guid, string>();
        switch (cycle.Phase)
        {
            case ReviewPhase.Self:
                foreach (var r in reviews.Where(r => r.SelfCompletedAt is null)) owed.TryAdd(r.PersonId, "your self-review");
                break;
            case ReviewPhase.Peer:
                var ids = reviews.Select(r => r.Id).ToList();
                var nominations = await db.PeerNominations.AsNoTracking().Where(n => ids.Contains(n.ReviewId)).ToListAsync(ct);
                var given = (await db.PeerFeedback.AsNoTracking().Where(p => ids.Contains(p.ReviewId)).Select(p => new { p.ReviewId, p.AuthorId }).ToListAsync(ct))
                    .Select(p => (p.ReviewId, p.AuthorId)).ToHashSet();
                foreach (var n in nominations.Where(n => n.Status == NominationStatus.Approved && !given.Contains((n.ReviewId, n.PeerId))))
                    owed.TryAdd(n.PeerId, "peer feedback you were asked for");
                foreach (var n in nominations.Where(n => n.Status == NominationStatus.Nominated))
                    if (reviews.First(r => r.Id == n.ReviewId).ManagerId is { } m) owed.TryAdd(m, "approving peer nominations");
                break;
            case ReviewPhase.Manager:
                foreach (var r in reviews.Where(r => r.ManagerStatus != ManagerReviewStatus.Submitted && r.ManagerId != null))
                    owed.TryAdd(r.ManagerId!.Value, "your manager reviews");
                break;
            case ReviewPhase.Signoff:
                foreach (var r in reviews.Where(r => r.Released && r.AcknowledgedAt is null)) owed.TryAdd(r.PersonId, "acknowledging your review");
                foreach (var r in reviews.Where(r => !r.Released && r.ManagerId != null)) owed.TryAdd(r.ManagerId!.Value, "releasing your reports' reviews");
                break;
        }
        return owed.Select(kv => (kv.Key, kv.Value)).ToList();
    }
}

/// <summary>Runs the reminders once an hour (and once shortly after start), on one instance.</summary>
internal sealed class ReviewRemindersJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReviewRemindersJob> logger)
    : ClusteredJob(scopes, clock, logger)
{
    protected override string Name => "reviews.reminders";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<string> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var sent = await services.GetRequiredService<ReviewReminders>().RunAsync(today, null, cancellationToken);
        return $"{sent} review reminders";
    }
}
