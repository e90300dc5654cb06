using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Contracts;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;

namespace Scorecard.Organization.Application;

internal sealed class OrganizationDirectory(OrganizationDbContext db) : IOrganizationDirectory, IHrAttributes
{
    public async Task<PersonSummary?> GetPersonAsync(Guid personId, CancellationToken cancellationToken = default) =>
        (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken))?.ToSummary();

    public async Task<IReadOnlyList<PersonSummary>> GetPeopleAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return people.Select(p => p.ToSummary()).ToList();
    }

    public async Task<PersonSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == normalized, cancellationToken))?.ToSummary();
    }

    public async Task<OrgUnitSummary?> GetUnitAsync(Guid unitId, CancellationToken cancellationToken = default) =>
        await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new OrgUnitSummary(u.Id, u.Name, u.ParentId)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<OrgUnitSummary>> GetUnitsAsync(CancellationToken cancellationToken = default) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new OrgUnitSummary(u.Id, u.Name, u.ParentId)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonSummary>> GetManagerChainAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var chain = await ChainAsync(personId, stopAt: null, cancellationToken);
        return await InOrderAsync(chain, cancellationToken);
    }

    public async Task<IReadOnlyList<PersonSummary>> GetDirectReportsAsync(Guid managerId, CancellationToken cancellationToken = default) =>
        (await db.People.AsNoTracking().Where(p => p.ManagerId == managerId).OrderBy(p => p.Name).ToListAsync(cancellationToken))
        .Select(p => p.ToSummary()).ToList();

    public async Task<IReadOnlyList<PersonSummary>> GetAllReportsAsync(Guid managerId, CancellationToken cancellationToken = default)
    {
        var reports = ReportingLines.AllReports(managerId, await ManagerMapAsync(cancellationToken));
        return await InOrderAsync(reports, cancellationToken);
    }

    public async Task<IReadOnlyList<PersonSummary>> GetPeopleInUnitAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken = default) =>
        (await MembersAsync(unitId, includeSubUnits, cancellationToken)).Select(p => p.ToSummary()).ToList();

    /// <summary>
    /// The heads (<see cref="ReportingLines.Heads"/>). With the sub-units: the stored heads (<see cref="UnitHead"/>), the same
    /// cost for a team and for the whole company. Of the unit alone: its active members whose manager is not a member.
    /// </summary>
    public async Task<IReadOnlyList<PersonSummary>> GetUnitHeadsAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken = default)
    {
        var heads = includeSubUnits
            ? await db.UnitHeads.AsNoTracking().Where(h => h.UnitId == unitId)
                .Join(db.People.AsNoTracking(), h => h.PersonId, p => p.Id, (h, p) => p).Where(p => p.Active)
                .ToListAsync(cancellationToken)
            : await db.People.AsNoTracking()
                .Where(p => p.OrgUnitId == unitId && p.Active
                            && (p.ManagerId == null || !db.People.Any(m => m.Id == p.ManagerId && m.OrgUnitId == unitId)))
                .ToListAsync(cancellationToken);
        return heads.OrderBy(m => m.HireDate).ThenBy(m => m.Name).Select(p => p.ToSummary()).ToList();
    }

    private async Task<List<Guid>> UnitIdsAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken) =>
        includeSubUnits
            ? ReportingLines.UnitAndDescendants(unitId, await db.Units.AsNoTracking().ToListAsync(cancellationToken)).ToList()
            : [unitId];

    private async Task<List<Person>> MembersAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken)
    {
        var unitIds = await UnitIdsAsync(unitId, includeSubUnits, cancellationToken);
        return await db.People.AsNoTracking().Where(p => unitIds.Contains(p.OrgUnitId))
            .OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    public async Task<bool> IsInManagerChainAsync(Guid managerId, Guid personId, CancellationToken cancellationToken = default) =>
        (await ChainAsync(personId, stopAt: managerId, cancellationToken)).Contains(managerId);

    /// <summary>
    /// <see cref="ReportingLines.ManagerChain"/> walked up one manager at a time: as many queries as the reporting line
    /// is deep (stopping at <paramref name="stopAt"/>), not a read of the whole organization.
    /// </summary>
    private async Task<List<Guid>> ChainAsync(Guid personId, Guid? stopAt, CancellationToken cancellationToken)
    {
        var chain = new List<Guid>();
        var seen = new HashSet<Guid> { personId };
        var current = personId;
        while (await db.People.AsNoTracking().Where(p => p.Id == current).Select(p => p.ManagerId).FirstOrDefaultAsync(cancellationToken) is { } manager
               && seen.Add(manager))
        {
            chain.Add(manager);
            if (manager == stopAt) break;
            current = manager;
        }
        return chain;
    }

    public async Task<IReadOnlyDictionary<Guid, HrAttributes>> GetAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var ids = personIds.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new HrAttributes(p.Gender, p.BirthYear), cancellationToken);
    }

    private async Task<IReadOnlyDictionary<Guid, Guid?>> ManagerMapAsync(CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ManagerId, cancellationToken);

    private async Task<IReadOnlyList<PersonSummary>> InOrderAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var byId = (await GetPeopleAsync(ids, cancellationToken)).ToDictionary(p => p.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }
}

internal static class PersonMapping
{
    public static PersonSummary ToSummary(this Person p) =>
        new(p.Id, p.Name, p.Email, p.JobTitle, p.OrgUnitId, p.ManagerId, p.HireDate, p.Active);
}
