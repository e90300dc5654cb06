using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Audit;

namespace Scorecard.Organization.Application.Accounts;

/// <summary>
/// An account whose e-mail is a person's e-mail (ignoring case) belongs to that person. Linked when the person is
/// created by hand or in setup (at once), and at every sign-in (which also covers people created by an import):
/// the bootstrap administrator who appears in the HRIS file becomes that person the next time they sign in.
/// </summary>
internal sealed class AccountLinker(OrganizationDbContext db, IAuditLog audit)
{
    /// <summary>Links an account without a person to the active person with its e-mail, if there is one not linked yet.</summary>
    public async Task LinkAsync(Account account, CancellationToken ct)
    {
        if (account.PersonId is not null || account.Email is not { } email) return;
        var normalized = email.Trim().ToLowerInvariant();
        var person = await db.People.AsNoTracking().Where(p => p.Email == normalized && p.Active)
            .Select(p => new { p.Id }).FirstOrDefaultAsync(ct);
        if (person is null || await db.Users.AnyAsync(a => a.PersonId == person.Id, ct)) return;
        account.PersonId = person.Id;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("account.linked", "person", person.Id.ToString(), person.Id,
            DataJson: System.Text.Json.JsonSerializer.Serialize(new { account = account.Id, email })), ct);
    }

    /// <summary>Links a new person to the account with their e-mail that has no person yet (saved with the caller's next save).</summary>
    public async Task LinkAsync(Person person, CancellationToken ct)
    {
        var normalized = person.Email.ToUpperInvariant();
        var account = await db.Users.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized && a.PersonId == null, ct);
        if (account is null) return;
        account.PersonId = person.Id;
        await audit.WriteAsync(new AuditEntry("account.linked", "person", person.Id.ToString(), null,
            DataJson: System.Text.Json.JsonSerializer.Serialize(new { account = account.Id, email = account.Email })), ct);
    }
}
