using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Domain;
using Scorecard.Organization.Persistence;
using Scorecard.Organization.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Paging;
using Scorecard.Platform.Security;

namespace Scorecard.Organization.Application;

internal sealed class OrgUnitsService(OrganizationDbContext db, ICurrentUser user)
{
    public async Task<Page<OrgUnitDto>> ListAsync(PageRequest page, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        var all = units.Select(u => new OrgUnitDto(u.Id, u.Name, u.ParentId, ReportingLines.PathOf(u.Id, byId)))
            .OrderBy(u => u.Path, StringComparer.OrdinalIgnoreCase).ToList();
        return new Page<OrgUnitDto>(all.Skip(page.Offset).Take(page.Limit).ToList(), all.Count);
    }

    public async Task<OrgUnitDto> CreateAsync(CreateOrgUnitRequest request, CancellationToken ct)
    {
        if (!user.IsHrOrAdmin()) throw new ForbiddenException("Only HR or an administrator can create org units.");
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > OrgUnit.NameMaxLength)
            throw new BadInputException("name", $"name is required and at most {OrgUnit.NameMaxLength} characters.");
        if (name.Contains('/'))
            throw new BadInputException("name", "name cannot contain '/': it separates the levels of a unit path.");
        if (request.ParentId is { } parentId)
        {
            if (!await db.Units.AnyAsync(u => u.Id == parentId, ct))
                throw new RuleViolationException("parentId", $"Parent org unit '{parentId}' does not exist.");
        }
        else if (await db.Units.AnyAsync(u => u.ParentId == null, ct))
        {
            throw new RuleViolationException("parentId", "The organization already has a root unit; give a parentId.");
        }
        var siblings = await db.Units.Where(u => u.ParentId == request.ParentId).Select(u => u.Name).ToListAsync(ct);
        if (siblings.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)))
            throw new RuleViolationException("name", $"A unit named '{name}' already exists under that parent.");

        var unit = new OrgUnit { Name = name, ParentId = request.ParentId };
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        var byId = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return new OrgUnitDto(unit.Id, unit.Name, unit.ParentId, ReportingLines.PathOf(unit.Id, byId));
    }
}
