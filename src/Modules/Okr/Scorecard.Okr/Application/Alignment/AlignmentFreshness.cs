using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Persistence;
using Scorecard.Platform.Persistence;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>
/// Before stored findings are read: when goal writes have marked findings dirty that the job has not refreshed yet (it
/// runs every few seconds), or nothing was ever computed, the read refreshes them first — in a scope of its own, so a
/// reader sees its own writes and never a finding that a committed write made wrong. Inside a write's transaction it
/// does not (the refresh would wait for that transaction's lock); the job refreshes after the commit.
/// </summary>
internal sealed class AlignmentFreshness(OkrDbContext db, IServiceScopeFactory scopes, IServiceProvider services)
{
    /// <summary>When the stored findings were last computed (null: never).</summary>
    public async Task<DateTimeOffset?> EnsureFreshAsync(CancellationToken ct)
    {
        var run = await db.AlignmentRuns.AsNoTracking().FirstOrDefaultAsync(ct);
        var inTransaction = services.GetService<UnitOfWork>()?.InTransaction == true;
        if (!inTransaction && (run is null || await db.AlignmentDirty.AnyAsync(ct)))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AlignmentRefresher>().RefreshAsync(forceFull: false, ct);
            run = await db.AlignmentRuns.AsNoTracking().FirstOrDefaultAsync(ct);
        }
        return run?.ComputedAt;
    }
}
