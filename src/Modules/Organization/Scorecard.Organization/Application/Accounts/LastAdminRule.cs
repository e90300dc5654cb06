using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Persistence;
using Scorecard.Platform;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>
/// "At least one active administrator": someone must always be able to grant roles. Every change that could take
/// the Admin role away from its last active holder (losing the role, leaving) first locks the Admin role row, so
/// two such changes at once run one after the other and the second sees the first.
/// </summary>
internal sealed class LastAdminRule(OrganizationDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
{
    public const string Rule = "At least one active administrator must remain";

    /// <summary>Locks the rule until the commit; call before reading what the rule depends on.</summary>
    public async Task LockAsync(CancellationToken ct)
    {
        var adminRoleId = await db.Roles.AsNoTracking().Where(r => r.NormalizedName == Roles.Admin.ToUpperInvariant())
            .Select(r => r.Id).SingleAsync(ct);
        await unitOfWork.LockAsync<IdentityRole<Guid>>(db, adminRoleId, ct);
    }

    /// <summary>Throws 409 when <paramref name="accountId"/> is the only active administrator.</summary>
    public async Task EnsureOthersRemainAsync(Guid accountId, string change, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var admins = await (
                from account in db.Users.AsNoTracking()
                join link in db.UserRoles.AsNoTracking() on account.Id equals link.UserId
                join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                where role.NormalizedName == Roles.Admin.ToUpperInvariant()
                      && (account.PersonId == null || db.People.Any(p => p.Id == account.PersonId && p.Active))
                select new { account.Id, account.LockoutEnd })
            .ToListAsync(ct);
        // LockoutEnd is compared here, not in SQL: SQLite cannot compare DateTimeOffset columns.
        var active = admins.Where(a => a.LockoutEnd is not { } end || end <= now).Select(a => a.Id).ToList();
        if (active.Contains(accountId) && active.Count == 1)
            throw new ConflictException($"{Rule}: this is the last active administrator, who cannot {change}. Make someone else Admin first.");
    }

    /// <summary>For a person leaving: 409 when their account is the last active administrator.</summary>
    public async Task EnsurePersonMayLeaveAsync(Guid personId, CancellationToken ct)
    {
        var accountId = await db.Users.AsNoTracking().Where(a => a.PersonId == personId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (accountId is not { } id) return;
        await LockAsync(ct);
        await EnsureOthersRemainAsync(id, "be marked as left", ct);
    }
}
