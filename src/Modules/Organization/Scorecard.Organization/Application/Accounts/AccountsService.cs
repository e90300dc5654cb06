using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application.Accounts;

internal sealed class AccountsService(
    OrganizationDbContext db,
    UserManager<Account> users,
    SignInManager<Account> signIn,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    ICurrentUser currentUser,
    IAuditLog audit,
    TimeProvider clock)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    public async Task<AccountDto> CreateForPersonAsync(Guid personId, string? password, CancellationToken ct)
    {
        if (!currentUser.IsHrOrAdmin()) throw new ForbiddenException("Only HR or an administrator can give a person an account.");
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
                     ?? throw new NotFoundException("Person", personId);
        if (string.IsNullOrEmpty(password)) throw new BadInputException("password", "password is required.");
        if (await db.Users.AnyAsync(a => a.PersonId == personId, ct))
            throw new ConflictException($"{person.Name} already has an account.");
        if (await users.FindByEmailAsync(person.Email) is not null)
            throw new ConflictException($"An account with e-mail '{person.Email}' already exists.");

        var account = new Account { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id };
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
            throw new BadInputException("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        await audit.WriteAsync(new AuditEntry("account.created", "Person", personId.ToString(), currentUser.PersonId), ct);
        return new AccountDto(account.Id, person.Id, person.Email);
    }

    /// <summary>Checks the password (counting failures towards lockout) and issues a bearer token.</summary>
    public async Task<TokenDto> IssueTokenAsync(string? email, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) throw new BadInputException("email", "email is required.");
        if (string.IsNullOrEmpty(password)) throw new BadInputException("password", "password is required.");
        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null) throw new AuthenticationFailedException("Wrong e-mail or password.");
        if (!await HasActivePersonAsync(account, ct)) throw new AuthenticationFailedException("This person has left the organization.");
        var result = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
            throw new AuthenticationFailedException("This account is locked after repeated failed sign-ins. Try again later.");
        if (!result.Succeeded) throw new AuthenticationFailedException("Wrong e-mail or password.");

        var principal = await signIn.CreateUserPrincipalAsync(account);
        var expiresAt = clock.GetUtcNow().Add(TokenLifetime);
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = clock.GetUtcNow(), ExpiresUtc = expiresAt },
            IdentityConstants.BearerScheme);
        var token = bearerOptions.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        return new TokenDto(token, expiresAt);
    }

    /// <summary>The bootstrap administrator has no person; everyone else must not have left.</summary>
    public async Task<bool> HasActivePersonAsync(Account account, CancellationToken ct) =>
        account.PersonId is not { } personId || await db.People.AnyAsync(p => p.Id == personId && p.Active, ct);

    public async Task ChangeOwnPasswordAsync(System.Security.Claims.ClaimsPrincipal principal, string? current, string? next)
    {
        if (string.IsNullOrEmpty(current)) throw new BadInputException("currentPassword", "currentPassword is required.");
        if (string.IsNullOrEmpty(next)) throw new BadInputException("newPassword", "newPassword is required.");
        var account = await users.GetUserAsync(principal) ?? throw new ForbiddenException("No account is signed in.");
        var result = await users.ChangePasswordAsync(account, current, next);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            throw new BadInputException(mismatch ? "currentPassword" : "newPassword",
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        var account = await users.GetUserAsync(principal);
        return account is null ? [] : (await users.GetRolesAsync(account)).Order().ToList();
    }
}
