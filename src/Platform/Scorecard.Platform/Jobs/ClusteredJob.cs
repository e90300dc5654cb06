using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Jobs;

/// <summary>
/// A background job that runs once per time slot (shortly after start, then every <see cref="Interval"/>)
/// across all instances on the database: each instance tries to insert the slot's row in
/// <c>platform_job_runs</c>, and only the one whose insert succeeds runs the job. The database's primary
/// key decides — no clock agreement or lease renewal needed. (Chosen over Quartz's clustered store: that
/// store's eleven tables come as SQL scripts per database, outside the EF migrations every other table has.)
/// The instance that claims a slot also deletes the job's runs older than <c>Scorecard:Jobs:RunRetentionDays</c>
/// (7 by default; see <see cref="JobRunRetention"/>), at most once every <see cref="PruneEvery"/>.
/// </summary>
public abstract class ClusteredJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly string ThisInstance = Cap($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    /// <summary>How often one instance prunes a job's old runs.</summary>
    public static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private DateTimeOffset? _prunedAt;

    protected TimeProvider Clock => clock;

    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>The job's work; returns a short outcome to record (e.g. "3 reminders").</summary>
    protected abstract Task<string> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunSlotAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The job {Job} failed; it runs again in the next slot.", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunSlotAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var slot = now.ToUnixTimeSeconds() / (long)Math.Max(1, Interval.TotalSeconds) * (long)Math.Max(1, Interval.TotalSeconds);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // The primary key (job, slot) admits one claim; the others insert nothing — quietly, where a refused
        // insert would log an error on every instance that lost, every slot.
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO platform_job_runs (\"Job\", \"SlotUnixSeconds\", \"Instance\", \"StartedAt\") VALUES ({Name}, {slot}, {ThisInstance}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (claimed == 0) return;   // another instance claimed this slot
        var run = await db.JobRuns.SingleAsync(r => r.Job == Name && r.SlotUnixSeconds == slot, cancellationToken);

        var outcome = await RunOnceAsync(scope.ServiceProvider, cancellationToken);
        run.FinishedAt = clock.GetUtcNow();
        run.Outcome = Cap(outcome, 200);
        await db.SaveChangesAsync(cancellationToken);
        // A job that runs every few seconds would fill the log with its routine runs; those go to Debug.
        logger.Log(Interval < TimeSpan.FromMinutes(1) ? LogLevel.Debug : LogLevel.Information, "The job {Job} ran: {Outcome}.", Name, run.Outcome);
        await PruneIfDueAsync(scope.ServiceProvider, db, cancellationToken);
    }

    private async Task PruneIfDueAsync(IServiceProvider services, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_prunedAt is { } last && now - last < PruneEvery) return;
        _prunedAt = now;
        var days = services.GetService<IConfiguration>()?.GetValue<double?>("Scorecard:Jobs:RunRetentionDays");
        var keep = days is > 0 and < 36_500 ? TimeSpan.FromDays(days.Value) : JobRunRetention.DefaultRetention;
        var pruned = await new JobRunRetention(db, clock).PruneAsync(Name, keep, cancellationToken);
        if (pruned > 0) logger.LogInformation("The job {Job}: {Count} runs older than {Days} days deleted.", Name, pruned, keep.TotalDays);
    }

    private static string Cap(string text, int length) => text.Length > length ? text[..length] : text;
}
