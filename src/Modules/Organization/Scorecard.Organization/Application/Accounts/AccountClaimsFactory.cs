using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>Adds the person id and e-mail to the principal, for cookies and bearer tokens alike.</summary>
internal sealed class AccountClaimsFactory(
    UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.PersonId is { } personId) identity.AddClaim(new Claim(ScorecardClaims.PersonId, personId.ToString()));
        if (user.Email is { } email && !identity.HasClaim(c => c.Type == ClaimTypes.Email))
            identity.AddClaim(new Claim(ClaimTypes.Email, email));
        return identity;
    }
}
