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
        if (await db.Users.AnyAsync(a => a.PersonId == personId && a.PasswordHash != null, ct))
            throw new ConflictException($"{person.Name} already has an account.");
        var existing = await users.FindByEmailAsync(person.Email);
        if (existing is { PasswordHash: not null } || existing is not null && existing.PersonId != person.Id)
            throw new ConflictException($"An account with e-mail '{person.Email}' already exists.");

        // An account without a password holds roles granted before the person could sign in; it gets the password.
        var account = existing ?? new Account { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id };
        var result = existing is null ? await users.CreateAsync(account, password) : await users.AddPasswordAsync(account, password);
        if (!result.Succeeded)
            throw new BadInputException("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        await audit.WriteAsync(new AuditEntry("account.created", "Person", personId.ToString(), currentUser.PersonId), ct);
        return new AccountDto(account.Id, person.Id, person.Email);
    }

    /// <summary>Checks the password (see <see cref="SignInCheck"/>) and issues a bearer token.</summary>
    public async Task<TokenDto> IssueTokenAsync(string? email, string? password, string? clientAddress, SignInCheck check, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) throw new BadInputException("email", "email is required.");
        if (string.IsNullOrEmpty(password)) throw new BadInputException("password", "password is required.");
        var outcome = await check.CheckAsync(email, password, clientAddress, ct);
        if (outcome.Account is not { } account) throw new AuthenticationFailedException(outcome.Message);

        var principal = await signIn.CreateUserPrincipalAsync(account);
        var expiresAt = clock.GetUtcNow().Add(TokenLifetime);
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = clock.GetUtcNow(), ExpiresUtc = expiresAt },
            IdentityConstants.BearerScheme);
        var token = bearerOptions.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        return new TokenDto(token, expiresAt);
    }

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
}
