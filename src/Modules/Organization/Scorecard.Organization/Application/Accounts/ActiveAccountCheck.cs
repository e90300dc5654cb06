using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>
/// On every authenticated request (cookie or bearer token): the account must still exist, not be locked
/// out, carry the same security stamp as when the token or cookie was issued, and belong to a person who
/// has not left. Otherwise the request is treated as anonymous, so marking someone as left ends their
/// access at once instead of when their token expires.
/// </summary>
internal sealed class ActiveAccountCheck(IServiceProvider services, AccountStateCache cache, CheckedAccount checkedAccount,
    IOptions<IdentityOptions> identity, TimeProvider clock)
    : IClaimsTransformation
{
    private const string CheckedMarker = "scorecard:account-checked";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == CheckedMarker)) return principal;
        var claims = identity.Value.ClaimsIdentity;
        if (!Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var accountId)) return Anonymous;

        // One query per account every few seconds (see AccountStateCache): the account and whether its person (if any) is still active.
        if (!cache.TryGet(accountId, out var account))
        {
            var db = services.GetRequiredService<OrganizationDbContext>();
            var found = await (from a in db.Users.AsNoTracking()
                               where a.Id == accountId
                               join p in db.People.AsNoTracking() on a.PersonId equals p.Id into linked
                               from person in linked.DefaultIfEmpty()
                               select new { a.SecurityStamp, a.LockoutEnd, a.PersonId, Person = person })
                .FirstOrDefaultAsync();
            account = found is null ? null : new CachedAccountCheck(found.SecurityStamp, found.LockoutEnd, found.PersonId,
                found.PersonId is null || found.Person is { Active: true }, found.Person,
                await (from link in db.UserRoles.AsNoTracking()
                       join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                       where link.UserId == accountId
                       select role.Name!).ToListAsync());
            if (account is not null) cache.Set(accountId, account);
        }
        if (account is null
            || !account.PersonActive
            || account.SecurityStamp != principal.FindFirstValue(claims.SecurityStampClaimType)
            || account.LockoutEnd > clock.GetUtcNow())
            return Anonymous;

        checkedAccount.State = account;
        // Transformations may run more than once per request; mark the principal as checked.
        var checkedPrincipal = principal.Clone();
        var checkedIdentity = (ClaimsIdentity)checkedPrincipal.Identity!;
        checkedIdentity.AddClaim(new Claim(CheckedMarker, "1"));
        // An account linked to its person after this cookie or token was issued (setup, a person created with its e-mail) acts as that person at once.
        if (account.PersonId is { } personId && !principal.HasClaim(c => c.Type == ScorecardClaims.PersonId))
            checkedIdentity.AddClaim(new Claim(ScorecardClaims.PersonId, personId.ToString()));
        // Roles are the account's current ones, not those it had at sign-in: a role granted or removed takes effect on
        // the next request of every cookie and token (on other instances within the cache's few seconds).
        foreach (var stale in checkedIdentity.FindAll(claims.RoleClaimType).ToList()) checkedIdentity.RemoveClaim(stale);
        foreach (var role in account.Roles) checkedIdentity.AddClaim(new Claim(claims.RoleClaimType, role));
        return checkedPrincipal;
    }

    private static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());
}

/// <summary>The request's account as <see cref="ActiveAccountCheck"/> found it (null before the check or when it failed).</summary>
internal sealed class CheckedAccount
{
    public CachedAccountCheck? State { get; set; }
}
