using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Persistence;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>How a sign-in attempt ended; only <see cref="SignedIn"/> carries the account.</summary>
internal sealed record SignInOutcome(SignInResultKind Kind, Account? Account = null)
{
    public string Message => Kind switch
    {
        SignInResultKind.Locked => "Sign-in from here is locked after repeated failed sign-ins. Try again in 15 minutes.",
        SignInResultKind.Left => "This person has left the organization.",
        _ => "Wrong e-mail or password.",
    };
}

internal enum SignInResultKind { SignedIn, Wrong, Locked, Left }

/// <summary>
/// The one password check behind the token endpoint and the sign-in form. It takes the same time and gives
/// the same answer whether or not the e-mail has an account (an unknown e-mail still costs a password hash),
/// and says that a person left only to someone who knew their password. A failed attempt never writes to the
/// account, so it cannot lock the account itself (see <see cref="SignInAttempts"/>); a successful one links an
/// account without a person to the person with its e-mail (<see cref="AccountLinker"/>).
/// </summary>
internal sealed class SignInCheck(UserManager<Account> users, IPasswordHasher<Account> hasher, SignInAttempts attempts, OrganizationDbContext db, AccountLinker linker)
{
    private static readonly Lazy<string> DummyHash =
        new(() => new PasswordHasher<Account>().HashPassword(new Account(), Guid.NewGuid().ToString("N")));

    public async Task<SignInOutcome> CheckAsync(string email, string password, string? clientAddress, CancellationToken ct)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null)
        {
            hasher.VerifyHashedPassword(new Account(), DummyHash.Value, password);
            attempts.Failed(email, clientAddress);
            return new SignInOutcome(attempts.IsBlocked(email, clientAddress) ? SignInResultKind.Locked : SignInResultKind.Wrong);
        }
        if (attempts.IsBlocked(email, clientAddress))
        {
            hasher.VerifyHashedPassword(account, account.PasswordHash ?? DummyHash.Value, password);
            return new SignInOutcome(SignInResultKind.Locked);
        }
        if (!await users.CheckPasswordAsync(account, password))
        {
            attempts.Failed(email, clientAddress);
            return new SignInOutcome(attempts.IsBlocked(email, clientAddress) ? SignInResultKind.Locked : SignInResultKind.Wrong);
        }
        if (await users.IsLockedOutAsync(account)) return new SignInOutcome(SignInResultKind.Locked);   // locked by an administrator
        if (account.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId && p.Active, ct))
            return new SignInOutcome(SignInResultKind.Left);
        attempts.Succeeded(email, clientAddress);
        await linker.LinkAsync(account, ct);
        return new SignInOutcome(SignInResultKind.SignedIn, account);
    }
}
