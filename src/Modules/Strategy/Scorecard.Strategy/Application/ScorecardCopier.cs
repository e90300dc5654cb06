using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Persistence;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Application;

/// <summary>
/// "Copy last period's scorecard": the same unit's scorecard for a new period with the structure, owners and targets
/// (perspectives, objectives, KPIs, cause-and-effect links, initiatives) and none of the measurements. Initiatives start
/// over (planned, 0 %, no dates); sub-KPI and cascade links are kept only where both ends are in the copy.
/// </summary>
internal sealed class ScorecardCopier(StrategyDbContext db, IOrganizationDirectory directory, StrategyAccess access, ICurrentUser user,
    IAuditLog audit, TimeProvider clock)
{
    public async Task<Guid> CopyAsync(Guid sourceId, CopyScorecardRequest request, CancellationToken ct)
    {
        var source = await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId, ct) ?? throw new NotFoundException("Scorecard", sourceId);
        if (source.IsCompany ? !access.IsAdmin : !(access.IsAdmin || await access.ManagesUnitAsync(source.OrgUnitId, ct)))
            throw new ForbiddenException(source.IsCompany
                ? "Only an administrator can copy the company scorecard."
                : "Only the unit's manager or an administrator can copy this unit's scorecard.");
        var start = request.PeriodStart ?? throw new BadInputException("periodStart", "periodStart is required.");
        var end = request.PeriodEnd ?? throw new BadInputException("periodEnd", "periodEnd is required.");
        Validate.Period(start, end);
        if (start <= source.PeriodEnd)
            throw new RuleViolationException("periodStart", $"The new period must start after the copied one ends ({source.PeriodEnd:yyyy-MM-dd}).");
        var name = request.Name is null ? source.Name : Validate.Name(request.Name);

        var units = await directory.GetUnitsAsync(ct);
        var copy = new ScorecardRecord
        {
            Name = name, OrgUnitId = source.OrgUnitId, IsCompany = source.IsCompany, OwnerId = source.OwnerId,
            PeriodStart = start, PeriodEnd = end, CreatedAt = clock.GetUtcNow(),
            ParentScorecardId = await ParentScorecardAsync(source.OrgUnitId, units, start, ct),
        };
        db.Scorecards.Add(copy);

        var perspectives = await db.Perspectives.AsNoTracking().Where(p => p.ScorecardId == sourceId).ToListAsync(ct);
        var perspectiveIds = perspectives.ToDictionary(p => p.Id, _ => Guid.NewGuid());
        foreach (var p in perspectives)
            db.Perspectives.Add(new PerspectiveRecord { Id = perspectiveIds[p.Id], ScorecardId = copy.Id, Name = p.Name, Position = p.Position, Weight = p.Weight });

        var objectives = await db.Objectives.AsNoTracking().Where(o => o.ScorecardId == sourceId).ToListAsync(ct);
        var objectiveIds = objectives.ToDictionary(o => o.Id, _ => Guid.NewGuid());
        foreach (var o in objectives)
            db.Objectives.Add(new ObjectiveRecord
            {
                Id = objectiveIds[o.Id], ScorecardId = copy.Id, PerspectiveId = perspectiveIds[o.PerspectiveId], Name = o.Name,
                Description = o.Description, OwnerId = o.OwnerId, Weight = o.Weight, Position = o.Position,
            });

        var oldObjectiveIds = objectiveIds.Keys.ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => oldObjectiveIds.Contains(k.ObjectiveId)).ToListAsync(ct);
        var kpiIds = kpis.ToDictionary(k => k.Id, _ => Guid.NewGuid());
        foreach (var k in kpis)
            db.Kpis.Add(new KpiRecord
            {
                Id = kpiIds[k.Id], ObjectiveId = objectiveIds[k.ObjectiveId],
                ParentKpiId = k.ParentKpiId is { } parent && kpiIds.TryGetValue(parent, out var newParent) ? newParent : null,
                Name = k.Name, Unit = k.Unit, OwnerId = k.OwnerId, DataSource = k.DataSource, Direction = k.Direction,
                Baseline = k.Baseline, Target = k.Target, Min = k.Min, Max = k.Max, BandLow = k.BandLow, BandHigh = k.BandHigh,
                GreenThreshold = k.GreenThreshold, AmberThreshold = k.AmberThreshold, UpdateInterval = k.UpdateInterval,
                Leading = k.Leading, Weight = k.Weight, Aggregation = k.Aggregation, TrackingSince = start,
            });

        foreach (var l in await db.Links.AsNoTracking().Where(l => l.ScorecardId == sourceId).ToListAsync(ct))
            db.Links.Add(new MapLinkRecord
            {
                ScorecardId = copy.Id, FromObjectiveId = objectiveIds[l.FromObjectiveId], ToObjectiveId = objectiveIds[l.ToObjectiveId], Hypothesis = l.Hypothesis,
            });

        foreach (var c in await db.Contributions.AsNoTracking().Where(c => oldObjectiveIds.Contains(c.ChildObjectiveId) && oldObjectiveIds.Contains(c.ParentObjectiveId)).ToListAsync(ct))
            db.Contributions.Add(new ContributionRecord { ChildObjectiveId = objectiveIds[c.ChildObjectiveId], ParentObjectiveId = objectiveIds[c.ParentObjectiveId], Weight = c.Weight });

        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.ScorecardId == sourceId).ToListAsync(ct);
        var initiativeIds = initiatives.ToDictionary(i => i.Id, _ => Guid.NewGuid());
        foreach (var i in initiatives)
            db.Initiatives.Add(new InitiativeRecord { Id = initiativeIds[i.Id], ScorecardId = copy.Id, Name = i.Name, OwnerId = i.OwnerId, Budget = i.Budget, Currency = i.Currency });
        var oldInitiativeIds = initiativeIds.Keys.ToList();
        foreach (var io in await db.InitiativeObjectives.AsNoTracking().Where(x => oldInitiativeIds.Contains(x.InitiativeId)).ToListAsync(ct))
            if (objectiveIds.TryGetValue(io.ObjectiveId, out var objective))
                db.InitiativeObjectives.Add(new InitiativeObjectiveRecord { InitiativeId = initiativeIds[io.InitiativeId], ObjectiveId = objective });

        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.scorecard.copied", "Scorecard", copy.Id.ToString(), user.PersonId,
            Before: sourceId.ToString(), After: name), ct);
        return copy.Id;
    }

    private async Task<Guid?> ParentScorecardAsync(Guid unitId, IReadOnlyList<OrgUnitSummary> units, DateOnly start, CancellationToken ct)
    {
        var byId = units.ToDictionary(u => u.Id);
        var seen = new HashSet<Guid>();
        var parentId = byId.TryGetValue(unitId, out var unit) ? unit.ParentId : null;
        while (parentId is { } id && seen.Add(id))
        {
            var match = await db.Scorecards.AsNoTracking().Where(s => s.OrgUnitId == id && s.PeriodStart <= start && s.PeriodEnd >= start)
                .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (match is not null) return match;
            parentId = byId.TryGetValue(id, out var u) ? u.ParentId : null;
        }
        return null;
    }
}
