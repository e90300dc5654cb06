using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Persistence;
using Scorecard.Platform.Persistence;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>
/// Before stored findings are read: when goal writes have marked findings dirty that the job has not refreshed yet (it
/// runs every few seconds), or nothing was ever computed, the read refreshes them first — in a scope of its own, so a
/// reader sees its own writes and never a finding that a committed write made wrong. Inside a write's transaction it
/// does not (the refresh would wait for that transaction's lock); the job refreshes after the commit. When another
/// refresh (the job's, or the periodic full one) is still running after <see cref="WaitAtMost"/> (unless nothing was ever computed), the read shows what
/// is stored and says how many goal changes it does not include yet.
/// </summary>
internal sealed class AlignmentFreshness(OkrDbContext db, IServiceScopeFactory scopes, IServiceProvider services)
{
    /// <summary>How long a read waits for a refresh already running (the job's, or a full one) before it shows what is stored.</summary>
    public static readonly TimeSpan WaitAtMost = TimeSpan.FromSeconds(20);

    /// <summary>When the stored findings were last computed (null: never), and how many goal changes they do not include yet.</summary>
    public async Task<(DateTimeOffset? ComputedAt, int Pending)> EnsureFreshAsync(CancellationToken ct)
    {
        var run = await db.AlignmentRuns.AsNoTracking().FirstOrDefaultAsync(ct);
        var inTransaction = services.GetService<UnitOfWork>()?.InTransaction == true;
        if (!inTransaction && (run is null || await db.AlignmentDirty.AnyAsync(ct)))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AlignmentRefresher>().RefreshAsync(forceFull: false, ct, run is null ? null : WaitAtMost); // never computed: nothing to show, wait
            run = await db.AlignmentRuns.AsNoTracking().FirstOrDefaultAsync(ct);
        }
        var pending = await db.AlignmentDirty.Select(d => d.ObjectiveId).Distinct().CountAsync(ct);
        return (run?.ComputedAt, pending);
    }
}
