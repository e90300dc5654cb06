using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application.Setup;

/// <summary>
/// First run: on an install without people, the administrator names the company (the root unit) and becomes its
/// first person, with the account's e-mail. Once anyone exists, setup is done (409).
/// </summary>
internal sealed class SetupService(
    OrganizationDbContext db,
    UserManager<Account> users,
    ICurrentUser currentUser,
    LastAdminRule lastAdmin,
    PeopleService people,
    IAuditLog audit,
    TimeProvider clock)
{
    /// <summary>Setup is pending while nobody exists; cheap enough to ask on each page an unlinked administrator opens.</summary>
    public async Task<bool> IsPendingAsync(CancellationToken ct) => !await db.People.AnyAsync(ct);

    public async Task<SetupDto> CompleteAsync(SetupRequest request, System.Security.Claims.ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Admin)) throw new ForbiddenException("Only an administrator can set up the organization.");
        var companyName = request.CompanyName?.Trim();
        if (string.IsNullOrEmpty(companyName)) throw new BadInputException("companyName", "companyName is required: the name of the company, the root of the organization.");
        if (companyName.Length > OrgUnit.NameMaxLength)
            throw new BadInputException("companyName", $"companyName must be at most {OrgUnit.NameMaxLength} characters.");
        var name = PersonValidation.Name(request.Name);
        var jobTitle = PersonValidation.JobTitle(request.JobTitle);

        // Two administrators finishing setup at once: the second waits, then finds it done.
        await lastAdmin.LockAsync(ct);
        if (await db.People.AnyAsync(ct)) throw new ConflictException("Setup is already done: the organization has people.");
        var account = await users.GetUserAsync(principal) ?? throw new ForbiddenException("No account is signed in.");
        if (account.PersonId is not null) throw new ConflictException("Setup is already done: your account belongs to a person.");
        var email = PersonValidation.Email(account.Email);

        // A root made earlier through the API is named after the company rather than duplicated.
        var root = await db.Units.FirstOrDefaultAsync(u => u.ParentId == null, ct);
        if (root is null) db.Units.Add(root = new OrgUnit { Name = companyName });
        else root.Name = companyName;
        var person = new Person
        {
            Email = email, Name = name, JobTitle = jobTitle, OrgUnitId = root.Id,
            HireDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        db.People.Add(person);
        account.PersonId = person.Id;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("organization.setup", "person", person.Id.ToString(), person.Id,
            After: JsonSerializer.Serialize(new { companyName, person.Name, person.Email, person.JobTitle })), ct);
        return new SetupDto(root.Id, people.ToDto(person));
    }
}
