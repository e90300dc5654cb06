using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Application.Accounts;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application;

/// <summary>
/// The signed-in person's own record for <c>GET /api/v1/me</c>, which clients call on every page. The request's account
/// check read it with the account (and keeps it as briefly, with the same invalidation: <see cref="AccountStateCache"/>),
/// so usually nothing is read here; otherwise one query. The directory's use cases are not resolved: they bring
/// Identity's user manager and the audit log with them.
/// </summary>
internal sealed class OwnProfile(IServiceProvider services, CheckedAccount account, ICurrentUser user)
{
    public async Task<PersonDto?> GetAsync(CancellationToken ct)
    {
        if (user.PersonId is not { } id) return null;
        var person = account.State?.Person is { } checkedPerson && checkedPerson.Id == id
            ? checkedPerson
            : await services.GetRequiredService<OrganizationDbContext>().People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return person is null ? null : PersonView.ToDto(person, user.IsHrOrAdmin());
    }
}

/// <summary>A person as the API shows them: the HR-only attributes only to HR and administrators.</summary>
internal static class PersonView
{
    public static PersonDto ToDto(Person p, bool showHrAttributes) =>
        new(p.Id, p.Email, p.Name, p.JobTitle, p.OrgUnitId, p.ManagerId, p.HireDate, p.Active,
            showHrAttributes ? p.Gender : null, showHrAttributes ? p.BirthYear : null, p.Version);
}
