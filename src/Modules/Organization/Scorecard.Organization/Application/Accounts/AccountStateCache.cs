using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>
/// What <see cref="ActiveAccountCheck"/> needs to know about an account, and its person's record as read with it (for
/// <see cref="OwnProfile"/>: <c>/api/v1/me</c> then reads nothing more). Never change <see cref="Person"/>: it is shared.
/// </summary>
internal sealed record CachedAccountCheck(string? SecurityStamp, DateTimeOffset? LockoutEnd, Guid? PersonId, bool PersonActive,
    Person? Person, IReadOnlyList<string> Roles);

/// <summary>
/// The per-request account check's answers, kept for <see cref="Lifetime"/> so that an authenticated request does not
/// query the database each time. A write to an account (security stamp: sign-out everywhere, password or role change,
/// lock-out) or to a person (leaving) on this instance drops the entries at once and keeps them uncached for
/// <see cref="Lifetime"/>, so that the next request reads the committed state; other instances see it when their entry
/// expires, within <see cref="Lifetime"/>.
/// </summary>
internal sealed class AccountStateCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, (CachedAccountCheck? State, DateTimeOffset Until)> _entries = new();
    private DateTimeOffset _noCacheUntil = DateTimeOffset.MinValue;

    public bool TryGet(Guid accountId, out CachedAccountCheck state)
    {
        state = null!;
        var now = clock.GetUtcNow();
        if (now < _noCacheUntil || !_entries.TryGetValue(accountId, out var entry) || entry.State is null || entry.Until <= now) return false;
        state = entry.State;
        return true;
    }

    public void Set(Guid accountId, CachedAccountCheck state)
    {
        var now = clock.GetUtcNow();
        if (now < _noCacheUntil) return;
        if (_entries.TryGetValue(accountId, out var entry) && entry.State is null && entry.Until > now) return; // recently changed
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[accountId] = (state, now + Lifetime);
    }

    /// <summary>Drops the account's entry and keeps it uncached for a while (the change may not be committed yet).</summary>
    public void Changed(Guid accountId) => _entries[accountId] = (null, clock.GetUtcNow() + Lifetime);

    /// <summary>A person changed (e.g. left): every account may be affected.</summary>
    public void ChangedAll()
    {
        _noCacheUntil = clock.GetUtcNow() + Lifetime;
        _entries.Clear();
    }
}

/// <summary>Tells the <see cref="AccountStateCache"/> about account and person writes, whatever code path makes them.</summary>
internal sealed class AccountStateCacheInvalidator(AccountStateCache cache) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Invalidate(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Invalidate(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Invalidate(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Invalidate(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Invalidate(DbContext? context)
    {
        if (context is not OrganizationDbContext) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Account account: cache.Changed(account.Id); break;
                case Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> link: cache.Changed(link.UserId); break;
                case Person when entry.State != EntityState.Added: cache.ChangedAll(); break;
            }
        }
    }
}
