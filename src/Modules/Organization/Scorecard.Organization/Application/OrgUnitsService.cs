using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application;

/// <summary>The org unit tree: everyone reads it; HR and Admin create, rename, move and delete units.</summary>
internal sealed class OrgUnitsService(
    OrganizationDbContext db, ICurrentUser user, UnitOfWork unitOfWork, IAuditLog audit, OrgUnitUsage usage)
{
    /// <summary>
    /// Units in path order, optionally those whose name or path contains <paramref name="search"/>. Paths are built from
    /// the whole tree in memory: units number in the hundreds or low thousands even for large companies.
    /// </summary>
    public async Task<Page<OrgUnitDto>> ListAsync(PageRequest page, CancellationToken ct, string? search = null)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        var text = search?.Trim();
        var all = units.Select(u => Dto(u, byId))
            .Where(u => string.IsNullOrEmpty(text) || u.Path.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.Path, StringComparer.OrdinalIgnoreCase).ToList();
        return new Page<OrgUnitDto>(all.Skip(page.Offset).Take(page.Limit).ToList(), all.Count);
    }

    /// <summary>The root unit (the company), or null on an install that has none yet.</summary>
    public async Task<OrgUnitDto?> RootAsync(CancellationToken ct)
    {
        var root = await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Name).FirstOrDefaultAsync(ct);
        return root is null ? null : new OrgUnitDto(root.Id, root.Name, null, root.Name, root.Version);
    }

    /// <summary>The names of the given units (the units of the people a page shows).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    /// <summary>One unit with its path, for a unit field showing its current choice.</summary>
    public async Task<OrgUnitDto?> FindAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } unitId) return null;
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        return unit is null ? null : await DtoAsync(unit, ct);
    }

    public async Task<OrgUnitDto> CreateAsync(CreateOrgUnitRequest request, CancellationToken ct)
    {
        RequireAllowed("create");
        var name = ValidName(request.Name);
        if (request.ParentId is { } parentId)
        {
            if (!await db.Units.AnyAsync(u => u.Id == parentId, ct))
                throw new RuleViolationException("parentId", $"Parent org unit '{parentId}' does not exist.");
        }
        else if (await db.Units.AnyAsync(u => u.ParentId == null, ct))
        {
            throw new RuleViolationException("parentId", "The organization already has a root unit; give a parentId.");
        }
        await RefuseSiblingNamedAsync(request.ParentId, name, null, ct);

        var unit = new OrgUnit { Name = name, ParentId = request.ParentId };
        db.Units.Add(unit);
        await SaveAsync(unit, ct);
        await audit.WriteAsync(new AuditEntry("orgunit.created", "OrgUnit", unit.Id.ToString(), user.PersonId, After: unit.Name), ct);
        return await DtoAsync(unit, ct);
    }

    /// <summary>Renames and/or moves a unit. A move under the unit itself or one of its units is refused (422).</summary>
    public async Task<OrgUnitDto> UpdateAsync(Guid id, UpdateOrgUnitRequest request, CancellationToken ct)
    {
        RequireAllowed("change");
        await LockTreeAsync(ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("Org unit", id);
        if (request.Version is { } version && version != unit.Version)
            throw new ConflictException("Someone else changed this unit since you loaded it. Reload it and apply your change again.");

        var byId = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var before = ReportingLines.PathOf(unit.Id, byId);
        var name = request.Name is null ? unit.Name : ValidName(request.Name);
        var parentId = unit.ParentId;
        if (request.ParentId is { } newParentId && newParentId != unit.ParentId)
        {
            if (unit.ParentId is null)
                throw new RuleViolationException("parentId", $"'{before}' is the root unit; it cannot be moved.");
            if (!byId.ContainsKey(newParentId))
                throw new RuleViolationException("parentId", $"Parent org unit '{newParentId}' does not exist.");
            if (OrgUnitTreeRules.IsWithin(newParentId, unit.Id, byId))
                throw new RuleViolationException("parentId",
                    $"Moving '{before}' under '{ReportingLines.PathOf(newParentId, byId)}' would make a cycle: that unit is inside '{before}'.");
            parentId = newParentId;
        }
        if (name == unit.Name && parentId == unit.ParentId) return Dto(unit, byId);
        await RefuseSiblingNamedAsync(parentId, name, unit.Id, ct);

        unit.Name = name;
        unit.ParentId = parentId;
        unit.Version = Guid.NewGuid();
        await SaveAsync(unit, ct);
        var dto = await DtoAsync(unit, ct);
        await audit.WriteAsync(new AuditEntry("orgunit.changed", "OrgUnit", unit.Id.ToString(), user.PersonId, Before: before, After: dto.Path), ct);
        return dto;
    }

    /// <summary>Deletes a unit nobody uses: no unit under it, no person (also former ones), no scorecard, no OKR.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        RequireAllowed("delete");
        await LockTreeAsync(ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("Org unit", id);
        var byId = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var path = ReportingLines.PathOf(unit.Id, byId);
        var users = await usage.DescribeAsync(unit.Id, ct);
        if (users.Count > 0)
            throw new ConflictException($"'{path}' cannot be deleted while it is used: {string.Join("; ", users)}.");
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("orgunit.deleted", "OrgUnit", unit.Id.ToString(), user.PersonId, Before: path), ct);
    }

    private void RequireAllowed(string action)
    {
        if (!user.IsHrOrAdmin()) throw new ForbiddenException($"Only HR or an administrator can {action} org units.");
    }

    /// <summary>Tree changes one at a time, so that two moves cannot together make a cycle.</summary>
    private async Task LockTreeAsync(CancellationToken ct)
    {
        var root = await db.Units.Where(u => u.ParentId == null).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (root is { } rootId) await unitOfWork.LockAsync<OrgUnit>(db, rootId, ct);
    }

    private static string ValidName(string? requested)
    {
        var name = requested?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > OrgUnit.NameMaxLength)
            throw new BadInputException("name", $"name is required and at most {OrgUnit.NameMaxLength} characters.");
        if (name.Contains('/'))
            throw new BadInputException("name", "name cannot contain '/': it separates the levels of a unit path.");
        return name;
    }

    private async Task RefuseSiblingNamedAsync(Guid? parentId, string name, Guid? except, CancellationToken ct)
    {
        var key = OrgUnit.KeyOf(name);
        var parentKey = parentId ?? OrgUnit.RootParentKey;
        var taken = await db.Units.Where(u => u.ParentKey == parentKey && u.NameKey == key && u.Id != except)
            .Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (taken is not null) throw Duplicate(name, taken);
    }

    /// <summary>Saves; the unique sibling index refuses a duplicate that a concurrent request saved first.</summary>
    private async Task SaveAsync(OrgUnit unit, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw Duplicate(unit.Name, null);
        }
    }

    private static ConflictException Duplicate(string name, string? existing) =>
        new($"A unit named '{existing ?? name}' already exists there; unit names are unique among siblings, ignoring case and accents ('{name}').");

    private async Task<OrgUnitDto> DtoAsync(OrgUnit unit, CancellationToken ct) =>
        Dto(unit, await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct));

    private static OrgUnitDto Dto(OrgUnit u, IReadOnlyDictionary<Guid, OrgUnit> byId) =>
        new(u.Id, u.Name, u.ParentId, ReportingLines.PathOf(u.Id, byId), u.Version);
}
