using Microsoft.EntityFrameworkCore;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Jobs;

/// <summary>
/// Deletes a job's <c>platform_job_runs</c> rows older than the retention (<c>Scorecard:Jobs:RunRetentionDays</c>, 7 by
/// default), oldest first, in batches of <see cref="BatchSize"/> — each its own short statement, so a first prune of a
/// long-running install does not hold the database's write lock for long. The slot (Unix seconds, part of the primary key)
/// decides the age: it is indexed and compares the same way on every database.
/// </summary>
internal sealed class JobRunRetention(PlatformDbContext db, TimeProvider clock)
{
    public const int BatchSize = 1000;

    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(7);

    /// <summary>Deletes the runs of <paramref name="job"/> whose slot is older than <paramref name="keep"/>; returns how many.</summary>
    public async Task<int> PruneAsync(string job, TimeSpan keep, CancellationToken ct)
    {
        var cutoff = (clock.GetUtcNow() - keep).ToUnixTimeSeconds();
        var total = 0;
        while (true)
        {
            // The batch's last slot, then one range delete on the key: no LIMIT in DELETE (SQLite), no long statement.
            var last = await db.JobRuns.AsNoTracking()
                .Where(r => r.Job == job && r.SlotUnixSeconds < cutoff)
                .OrderBy(r => r.SlotUnixSeconds)
                .Skip(BatchSize - 1)
                .Select(r => (long?)r.SlotUnixSeconds)
                .FirstOrDefaultAsync(ct);
            var upTo = last ?? cutoff - 1;
            var deleted = await db.JobRuns.Where(r => r.Job == job && r.SlotUnixSeconds <= upTo && r.SlotUnixSeconds < cutoff).ExecuteDeleteAsync(ct);
            total += deleted;
            if (last is null || deleted == 0) return total;
        }
    }
}
