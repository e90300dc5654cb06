using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Security;
using Scorecard.Platform.Todos;

namespace Scorecard.Organization.Application;

/// <summary>The organization part of the setup checklist: the company, its people, and someone in HR.</summary>
internal sealed class OrganizationSetupProgress(OrganizationDbContext db) : ISetupProgress
{
    public async Task<IReadOnlyList<SetupStep>> StepsAsync(CancellationToken ct)
    {
        var company = await db.Units.AnyAsync(u => u.ParentId == null, ct);
        var people = await db.People.CountAsync(p => p.Active, ct);
        var hr = await (from ur in db.UserRoles
                        join r in db.Roles on ur.RoleId equals r.Id
                        join a in db.Users on ur.UserId equals a.Id
                        where r.Name == Roles.Hr && a.PersonId != null
                        select ur.UserId).AnyAsync(ct);
        return
        [
            new("company", "Name your company", company, "/", 10),
            new("people", "Import or add your people", people > 1, "/directory/import", 20),
            new("hr", "Give someone the HR role", hr, "/directory", 30),
        ];
    }
}
