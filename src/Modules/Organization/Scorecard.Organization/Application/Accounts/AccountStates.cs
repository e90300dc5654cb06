using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Persistence;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>Where a person stands with signing in; the profile offers only the actions of their state.</summary>
internal enum AccountState
{
    /// <summary>No account and no open invitation.</summary>
    None,
    /// <summary>An open invitation (not used, not replaced, not expired) and no account yet.</summary>
    Invited,
    Active,
    /// <summary>An administrator's lockout is in force.</summary>
    Locked,
    /// <summary>The person has left; whatever account they had no longer signs in.</summary>
    Left,
}

internal static class AccountStateNames
{
    public static string Name(this AccountState state) => state.ToString().ToLowerInvariant();
}

internal sealed class AccountStates(OrganizationDbContext db, TimeProvider clock)
{
    public async Task<AccountState> OfAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Active }).FirstOrDefaultAsync(ct);
        if (person is null || !person.Active) return AccountState.Left;
        var now = clock.GetUtcNow();
        var account = await db.Users.AsNoTracking().Where(a => a.PersonId == personId && a.PasswordHash != null)
            .Select(a => new { a.LockoutEnd }).FirstOrDefaultAsync(ct);
        if (account is not null) return account.LockoutEnd > now ? AccountState.Locked : AccountState.Active;
        // Expiry compared in memory: SQLite cannot compare DateTimeOffset columns.
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.PersonId == personId && i.UsedAt == null && i.SupersededAt == null)
            .Select(i => i.ExpiresAt).ToListAsync(ct);
        return open.Any(expires => expires > now) ? AccountState.Invited : AccountState.None;
    }
}
