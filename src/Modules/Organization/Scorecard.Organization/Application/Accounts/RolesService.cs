using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>
/// Who is Admin and who is HR. HR and administrators read roles; only an administrator changes them. Every request
/// carries the account's current roles (<see cref="ActiveAccountCheck"/>), so a change takes effect on the person's
/// next request with the cookies and tokens they already hold — a removed role never outlives the change.
/// </summary>
internal sealed class RolesService(
    OrganizationDbContext db,
    UserManager<Account> users,
    ICurrentUser currentUser,
    IAuditLog audit,
    LastAdminRule lastAdmin,
    AccountStates states)
{
    public async Task<PersonRolesDto> GetAsync(Guid personId, CancellationToken ct)
    {
        if (!currentUser.IsHrOrAdmin()) throw new ForbiddenException("Only HR or an administrator can see roles.");
        if (!await db.People.AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("Person", personId);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.PersonId == personId, ct);
        var roles = account is null ? [] : await RolesOfAsync(account.Id, ct);
        return new PersonRolesDto(personId, (await states.OfAsync(personId, ct)).Name(), roles);
    }

    public async Task<PersonRolesDto> SetAsync(Guid personId, IReadOnlyList<string?>? requested, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Admin))
            throw new ForbiddenException(currentUser.IsInRole(Roles.Hr)
                ? "HR can see roles but not grant or remove them (HR cannot grant Admin or HR): ask an administrator."
                : "Only an administrator can grant or remove roles.");
        var wanted = PersonRoles.Parse(requested);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
                     ?? throw new NotFoundException("Person", personId);
        var found = await db.Users.AsNoTracking().Where(a => a.PersonId == personId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct)
                    ?? await AccountWithoutPasswordAsync(person, wanted, ct);
        if (found is not { } accountId) return new PersonRolesDto(personId, (await states.OfAsync(personId, ct)).Name(), []);

        await lastAdmin.LockAsync(ct);
        var before = await RolesOfAsync(accountId, ct);
        if (before.SequenceEqual(wanted)) return new PersonRolesDto(personId, (await states.OfAsync(personId, ct)).Name(), before);
        if (before.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
            await lastAdmin.EnsureOthersRemainAsync(accountId, "lose the Admin role", ct);

        var account = await users.FindByIdAsync(accountId.ToString()) ?? throw new NotFoundException("Account", accountId);
        Check(await users.RemoveFromRolesAsync(account, before.Except(wanted)));
        Check(await users.AddToRolesAsync(account, wanted.Except(before)));
        await audit.WriteAsync(new AuditEntry("person.roles_changed", "person", personId.ToString(), currentUser.PersonId,
            Before: JsonSerializer.Serialize(before), After: JsonSerializer.Serialize(wanted),
            DataJson: JsonSerializer.Serialize(new { by = currentUser.Email })), ct);
        return new PersonRolesDto(personId, (await states.OfAsync(personId, ct)).Name(), wanted);
    }

    /// <summary>
    /// Roles may be granted before the person is invited (set up HR, then invite everyone): they are held by an
    /// account without a password, which cannot sign in until the person sets one through their invitation.
    /// </summary>
    private async Task<Guid?> AccountWithoutPasswordAsync(Domain.Person person, IReadOnlyList<string> wanted, CancellationToken ct)
    {
        if (wanted.Count == 0) return null;
        if (!person.Active) throw new RuleViolationException("roles", $"{person.Name} has left the organization and cannot be given a role.");
        if (await users.FindByEmailAsync(person.Email) is not null)
            throw new ConflictException($"An account with e-mail '{person.Email}' already exists for someone else.");
        var account = new Account { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id };
        Check(await users.CreateAsync(account));
        return account.Id;
    }

    /// <summary>People holding each role, for the administration page.</summary>
    public async Task<IReadOnlyList<RoleHolder>> HoldersAsync(CancellationToken ct)
    {
        if (!currentUser.IsHrOrAdmin()) throw new ForbiddenException("Only HR or an administrator can see roles.");
        var rows = await (
                from account in db.Users.AsNoTracking()
                join link in db.UserRoles.AsNoTracking() on account.Id equals link.UserId
                join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                join person in db.People.AsNoTracking() on account.PersonId equals person.Id into people
                from person in people.DefaultIfEmpty()
                select new RoleHolder(role.Name!, person == null ? null : person.Id, person == null ? account.Email! : person.Name,
                    account.Email!, person == null || person.Active))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Role, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private async Task<IReadOnlyList<string>> RolesOfAsync(Guid accountId, CancellationToken ct) =>
        (await (from link in db.UserRoles.AsNoTracking()
                join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                where link.UserId == accountId
                select role.Name!).ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

internal sealed record RoleHolder(string Role, Guid? PersonId, string Name, string Email, bool Active);
