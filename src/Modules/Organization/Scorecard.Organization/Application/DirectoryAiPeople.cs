using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Ai;

namespace Scorecard.Organization.Application;

/// <summary>
/// Every person in the directory (former employees too), so the AI gateway pseudonymizes any of them wherever they
/// are named — in feedback, self-reviews, goal titles or check-in comments — before text leaves the process.
/// </summary>
internal sealed class DirectoryAiPeople(OrganizationDbContext db) : IAiPeopleSource
{
    public async Task<IReadOnlyList<AiPerson>> PeopleAsync(CancellationToken cancellationToken = default) =>
        await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new AiPerson(p.Name, p.Email)).ToListAsync(cancellationToken);
}
