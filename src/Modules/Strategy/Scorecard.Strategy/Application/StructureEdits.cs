using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>
/// The builder's remaining edits of a scorecard's structure: delete a KPI or an initiative, rewrite a link's
/// hypothesis, withdraw a contribution. Same access as every structure change: the scorecard's editors.
/// </summary>
internal sealed class StructureEdits(StrategyDbContext db, StrategyAccess access, ICurrentUser user, IAuditLog audit)
{
    /// <summary>Deletes the KPI with its measurements and their corrections; its sub-KPIs stay, measured directly.</summary>
    public async Task DeleteKpiAsync(Guid id, CancellationToken ct)
    {
        var kpi = await db.Kpis.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("KPI", id);
        var objective = await db.Objectives.AsNoTracking().FirstAsync(o => o.Id == kpi.ObjectiveId, ct);
        await EditableAsync(objective.ScorecardId, ct);
        var measurements = await db.Measurements.Where(m => m.KpiId == id).ToListAsync(ct);
        db.Measurements.RemoveRange(measurements);
        db.MeasurementCorrections.RemoveRange(await db.MeasurementCorrections.Where(c => c.KpiId == id).ToListAsync(ct));
        foreach (var sub in await db.Kpis.Where(k => k.ParentKpiId == id).ToListAsync(ct))
        {
            sub.ParentKpiId = null;
        }

        db.Kpis.Remove(kpi);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.kpi.deleted", "Kpi", id.ToString(), user.PersonId, Before: kpi.Name,
            DataJson: JsonSerializer.Serialize(new { objectiveId = kpi.ObjectiveId, measurements = measurements.Count })), ct);
    }

    public async Task DeleteInitiativeAsync(Guid id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Initiative", id);
        await EditableAsync(initiative.ScorecardId, ct);
        db.InitiativeObjectives.RemoveRange(await db.InitiativeObjectives.Where(x => x.InitiativeId == id).ToListAsync(ct));
        db.Initiatives.Remove(initiative);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.initiative.deleted", "Initiative", id.ToString(), user.PersonId, Before: initiative.Name), ct);
    }

    /// <summary>JSON merge-patch of a link: <c>hypothesis</c>, <c>version</c> (409 when stale).</summary>
    public async Task PatchLinkAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        var link = await db.Links.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Link", id);
        await EditableAsync(link.ScorecardId, ct);
        var before = link.Hypothesis;
        foreach (var field in Patch.Fields(patch))
        {
            switch (field.Name)
            {
                case "version": Patch.Version(field, link.Version, "link"); break;
                case "hypothesis": link.Hypothesis = Validate.Name(Patch.Text(field), "hypothesis", MapLinkRecord.HypothesisMaxLength); break;
                default: throw Patch.Unknown(field);
            }
        }

        link.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.link.changed", "Scorecard", link.ScorecardId.ToString(), user.PersonId,
            Before: before, After: link.Hypothesis), ct);
    }

    /// <summary>Withdraws the objective's contribution to a parent objective.</summary>
    public async Task RemoveContributionAsync(Guid objectiveId, Guid contributionId, CancellationToken ct)
    {
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == contributionId && c.ChildObjectiveId == objectiveId, ct)
                           ?? throw new NotFoundException("Contribution", contributionId);
        var child = await db.Objectives.AsNoTracking().FirstAsync(o => o.Id == objectiveId, ct);
        await EditableAsync(child.ScorecardId, ct);
        db.Contributions.Remove(contribution);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.contribution.removed", "Objective", objectiveId.ToString(), user.PersonId,
            Before: contribution.ParentObjectiveId.ToString()), ct);
    }

    private async Task EditableAsync(Guid scorecardId, CancellationToken ct)
    {
        var scorecard = await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scorecardId, ct) ?? throw new NotFoundException("Scorecard", scorecardId);
        await access.RequireEditAsync(scorecard, ct);
    }
}
