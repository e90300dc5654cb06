using Scorecard.Platform.Values;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Events;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Contracts;
using Scorecard.Strategy.Domain.Graph;
using Scorecard.Strategy.Persistence;
using Scorecard.Strategy.Web.Api.Models;

namespace Scorecard.Strategy.Application;

/// <summary>Every change to scorecards, objectives, KPIs, links, cascades, initiatives and reviews.</summary>
internal sealed class StrategyCommands(
    StrategyDbContext db,
    IOrganizationDirectory directory,
    StrategyAccess access,
    ICurrentUser user,
    IAuditLog audit,
    IEventBus events,
    TimeProvider clock)
{
    public static readonly string[] DefaultPerspectives = ["Financial", "Customer", "Internal Process", "Learning & Growth"];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // ---------- scorecards and perspectives ----------

    public async Task<Guid> CreateScorecardAsync(CreateScorecardRequest request, CancellationToken ct)
    {
        var unitId = request.OrgUnitId ?? throw new BadInputException("orgUnitId", "orgUnitId is required.");
        var units = await directory.GetUnitsAsync(ct);
        var unit = units.FirstOrDefault(u => u.Id == unitId) ?? throw new RuleViolationException("orgUnitId", $"Org unit '{unitId}' does not exist.");
        var name = Validate.Name(request.Name);
        var start = request.PeriodStart ?? throw new BadInputException("periodStart", "periodStart is required.");
        var end = request.PeriodEnd ?? throw new BadInputException("periodEnd", "periodEnd is required.");
        Validate.Period(start, end);
        var isCompany = unit.ParentId is null;
        if (isCompany ? !access.IsAdmin : !(access.IsAdmin || await access.ManagesUnitAsync(unitId, ct)))
        {
            throw new ForbiddenException(isCompany
                ? "Only an administrator can create the company scorecard."
                : "Only the unit's manager or an administrator can create a scorecard for this unit.");
        }

        var owner = await Validate.OwnerAsync(directory, request.OwnerId ?? user.PersonId, ct);
        var perspectives = request.Perspectives is { Count: > 0 } given
            ? given.Select((p, i) => new PerspectiveRecord
            {
                Name = Validate.Name(p.Name, $"perspectives[{i}].name"),
                Weight = Validate.Weight(p.Weight, $"perspectives[{i}].weight"),
                Position = i,
            }).ToList()
            : DefaultPerspectives.Select((p, i) => new PerspectiveRecord { Name = p, Position = i }).ToList();
        if (perspectives.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw new RuleViolationException("perspectives", $"The perspective \"{dup.Key}\" is listed twice.");
        }

        var scorecard = new ScorecardRecord
        {
            Name = name,
            OrgUnitId = unitId,
            IsCompany = isCompany,
            OwnerId = owner,
            PeriodStart = start,
            PeriodEnd = end,
            CreatedAt = clock.GetUtcNow(),
            ParentScorecardId = await ParentScorecardAsync(unit, units, start, ct),
        };
        db.Scorecards.Add(scorecard);
        foreach (var p in perspectives)
        {
            p.ScorecardId = scorecard.Id;
            db.Perspectives.Add(p);
        }

        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.scorecard.created", "Scorecard", scorecard.Id.ToString(), user.PersonId, After: name), ct);
        return scorecard.Id;
    }

    /// <summary>The scorecard of the nearest ancestor unit whose period contains the new period's start.</summary>
    private async Task<Guid?> ParentScorecardAsync(OrgUnitSummary unit, IReadOnlyList<OrgUnitSummary> units, DateOnly start, CancellationToken ct)
    {
        var byId = units.ToDictionary(u => u.Id);
        var seen = new HashSet<Guid>();
        var parentId = unit.ParentId;
        while (parentId is { } id && seen.Add(id))
        {
            var match = await db.Scorecards.AsNoTracking()
                .Where(s => s.OrgUnitId == id && s.PeriodStart <= start && s.PeriodEnd >= start)
                .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (match is not null)
            {
                return match;
            }

            parentId = byId.TryGetValue(id, out var u) ? u.ParentId : null;
        }

        return null;
    }

    public async Task PatchScorecardAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        var scorecard = await db.Scorecards.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Scorecard", id);
        await access.RequireEditAsync(scorecard, ct);
        foreach (var field in Patch.Fields(patch))
        {
            switch (field.Name)
            {
                case "version": Patch.Version(field, scorecard.Version, "scorecard"); break;
                case "name": scorecard.Name = Validate.Name(Patch.Text(field)); break;
                case "ownerId": scorecard.OwnerId = await Validate.OwnerAsync(directory, Patch.GuidOf(field), ct); break;
                case "periodStart": scorecard.PeriodStart = Patch.Date(field) ?? throw new BadInputException("periodStart", "periodStart is required."); break;
                case "periodEnd": scorecard.PeriodEnd = Patch.Date(field) ?? throw new BadInputException("periodEnd", "periodEnd is required."); break;
                default: throw Patch.Unknown(field);
            }
        }

        Validate.Period(scorecard.PeriodStart, scorecard.PeriodEnd);
        scorecard.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AddPerspectiveAsync(Guid scorecardId, CreatePerspectiveRequest request, CancellationToken ct)
    {
        var scorecard = await EditableScorecardAsync(scorecardId, ct);
        var name = Validate.Name(request.Name);
        var existing = await db.Perspectives.Where(p => p.ScorecardId == scorecardId).ToListAsync(ct);
        if (existing.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolationException("name", $"The scorecard already has a perspective \"{name}\".");
        }

        var perspective = new PerspectiveRecord
        {
            ScorecardId = scorecard.Id,
            Name = name,
            Weight = Validate.Weight(request.Weight),
            Position = request.Position ?? (existing.Count == 0 ? 0 : existing.Max(p => p.Position) + 1),
        };
        db.Perspectives.Add(perspective);
        await db.SaveChangesAsync(ct);
        return perspective.Id;
    }

    public async Task<Guid> PatchPerspectiveAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        var perspective = await db.Perspectives.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Perspective", id);
        await EditableScorecardAsync(perspective.ScorecardId, ct);
        foreach (var field in Patch.Fields(patch))
        {
            switch (field.Name)
            {
                case "version": Patch.Version(field, perspective.Version, "perspective"); break;
                case "name": perspective.Name = Validate.Name(Patch.Text(field)); break;
                case "weight": perspective.Weight = Validate.Weight(Patch.Number(field)); break;
                case "position":
                    perspective.Position = (int)(Patch.Number(field) ?? throw new BadInputException("position", "position is required."));
                    break;
                default: throw Patch.Unknown(field);
            }
        }

        perspective.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return perspective.ScorecardId;
    }

    public async Task DeletePerspectiveAsync(Guid id, CancellationToken ct)
    {
        var perspective = await db.Perspectives.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Perspective", id);
        await EditableScorecardAsync(perspective.ScorecardId, ct);
        if (await db.Objectives.AnyAsync(o => o.PerspectiveId == id, ct))
        {
            throw new RuleViolationException("perspectiveId", $"The perspective \"{perspective.Name}\" still holds objectives; move or delete them first.");
        }

        db.Perspectives.Remove(perspective);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.perspective.deleted", "Perspective", id.ToString(), user.PersonId, Before: perspective.Name), ct);
    }

    // ---------- objectives, links, cascades ----------

    public async Task<Guid> AddObjectiveAsync(Guid scorecardId, CreateObjectiveRequest request, CancellationToken ct)
    {
        var scorecard = await EditableScorecardAsync(scorecardId, ct);
        var perspectiveId = request.PerspectiveId ?? throw new BadInputException("perspectiveId", "perspectiveId is required.");
        var perspective = await db.Perspectives.FirstOrDefaultAsync(p => p.Id == perspectiveId && p.ScorecardId == scorecard.Id, ct)
                          ?? throw new RuleViolationException("perspectiveId", $"Perspective '{perspectiveId}' is not a perspective of this scorecard.");
        var objective = new ObjectiveRecord
        {
            ScorecardId = scorecard.Id,
            PerspectiveId = perspective.Id,
            Name = Validate.Name(request.Name),
            Description = Validate.Optional(request.Description, "description", ObjectiveRecord.DescriptionMaxLength),
            OwnerId = await Validate.OwnerAsync(directory, request.OwnerId, ct),
            Weight = Validate.Weight(request.Weight),
            Position = await db.Objectives.CountAsync(o => o.PerspectiveId == perspective.Id, ct),
        };
        db.Objectives.Add(objective);
        await db.SaveChangesAsync(ct);
        return objective.Id;
    }

    public async Task PatchObjectiveAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        var objective = await db.Objectives.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Objective", id);
        await EditableScorecardAsync(objective.ScorecardId, ct);
        var before = $"{objective.Name}; owner {objective.OwnerId}; weight {objective.Weight}";
        foreach (var field in Patch.Fields(patch))
        {
            switch (field.Name)
            {
                case "version": Patch.Version(field, objective.Version, "objective"); break;
                case "name": objective.Name = Validate.Name(Patch.Text(field)); break;
                case "description": objective.Description = Validate.Optional(Patch.Text(field), "description", ObjectiveRecord.DescriptionMaxLength); break;
                case "ownerId": objective.OwnerId = await Validate.OwnerAsync(directory, Patch.GuidOf(field), ct); break;
                case "weight": objective.Weight = Validate.Weight(Patch.Number(field)); break;
                case "perspectiveId":
                    var pid = Patch.GuidOf(field) ?? throw new BadInputException("perspectiveId", "perspectiveId is required.");
                    if (!await db.Perspectives.AnyAsync(p => p.Id == pid && p.ScorecardId == objective.ScorecardId, ct))
                    {
                        throw new RuleViolationException("perspectiveId", $"Perspective '{pid}' is not a perspective of this scorecard.");
                    }

                    objective.PerspectiveId = pid;
                    break;
                default: throw Patch.Unknown(field);
            }
        }

        objective.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.objective.changed", "Objective", id.ToString(), user.PersonId,
            Before: before, After: $"{objective.Name}; owner {objective.OwnerId}; weight {objective.Weight}"), ct);
    }

    /// <summary>Deletes the objective with its KPIs, measurements, links and cascades (an audited decision).</summary>
    public async Task DeleteObjectiveAsync(Guid id, CancellationToken ct)
    {
        var objective = await db.Objectives.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Objective", id);
        await EditableScorecardAsync(objective.ScorecardId, ct);
        var kpis = await db.Kpis.Where(k => k.ObjectiveId == id).ToListAsync(ct);
        var kpiIds = kpis.Select(k => k.Id).ToList();
        db.Measurements.RemoveRange(await db.Measurements.Where(m => kpiIds.Contains(m.KpiId)).ToListAsync(ct));
        db.MeasurementCorrections.RemoveRange(await db.MeasurementCorrections.Where(c => kpiIds.Contains(c.KpiId)).ToListAsync(ct));
        foreach (var sub in await db.Kpis.Where(k => k.ParentKpiId != null && kpiIds.Contains(k.ParentKpiId.Value)).ToListAsync(ct))
        {
            sub.ParentKpiId = null;
        }

        db.Kpis.RemoveRange(kpis);
        db.Links.RemoveRange(await db.Links.Where(l => l.FromObjectiveId == id || l.ToObjectiveId == id).ToListAsync(ct));
        db.Contributions.RemoveRange(await db.Contributions.Where(c => c.ChildObjectiveId == id || c.ParentObjectiveId == id).ToListAsync(ct));
        db.InitiativeObjectives.RemoveRange(await db.InitiativeObjectives.Where(x => x.ObjectiveId == id).ToListAsync(ct));
        db.Objectives.Remove(objective);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.objective.deleted", "Objective", id.ToString(), user.PersonId,
            Before: objective.Name, DataJson: JsonSerializer.Serialize(new { kpis = kpis.Select(k => k.Name) })), ct);
    }

    public async Task<LinkDto> AddLinkAsync(Guid scorecardId, CreateLinkRequest request, CancellationToken ct)
    {
        var scorecard = await EditableScorecardAsync(scorecardId, ct);
        var from = request.FromObjectiveId ?? throw new BadInputException("fromObjectiveId", "fromObjectiveId is required.");
        var to = request.ToObjectiveId ?? throw new BadInputException("toObjectiveId", "toObjectiveId is required.");
        var hypothesis = Validate.Name(request.Hypothesis, "hypothesis", MapLinkRecord.HypothesisMaxLength);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.ScorecardId == scorecard.Id).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        if (!objectives.ContainsKey(from))
        {
            throw new RuleViolationException("fromObjectiveId", $"Objective '{from}' is not an objective of this scorecard.");
        }

        if (!objectives.ContainsKey(to))
        {
            throw new RuleViolationException("toObjectiveId", $"Objective '{to}' is not an objective of this scorecard.");
        }

        var existing = await db.Links.AsNoTracking().ToListAsync(ct);
        var check = LinkRules.CheckNewLink(existing.Select(l => new StrategyMapLink(l.FromObjectiveId, l.ToObjectiveId)), new StrategyMapLink(from, to));
        if (check.BrokenRule is LinkRule.Cycle)
        {
            var path = string.Join(" → ", check.CyclePath.Select(id => objectives.GetValueOrDefault(id) ?? id.ToString()));
            throw new RuleViolationException("toObjectiveId", $"The link would close a cycle: {path}. Cause and effect must run one way.");
        }

        if (check.BrokenRule is { } rule)
        {
            throw new RuleViolationException(rule == LinkRule.SelfLink ? "toObjectiveId" : "fromObjectiveId", check.Message);
        }

        var link = new MapLinkRecord { ScorecardId = scorecard.Id, FromObjectiveId = from, ToObjectiveId = to, Hypothesis = hypothesis };
        db.Links.Add(link);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.link.added", "Scorecard", scorecard.Id.ToString(), user.PersonId,
            After: $"{objectives[from]} → {objectives[to]}: {hypothesis}"), ct);
        return new LinkDto(link.Id, from, to, hypothesis);
    }

    public async Task DeleteLinkAsync(Guid id, CancellationToken ct)
    {
        var link = await db.Links.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Link", id);
        await EditableScorecardAsync(link.ScorecardId, ct);
        db.Links.Remove(link);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.link.deleted", "Scorecard", link.ScorecardId.ToString(), user.PersonId, Before: link.Hypothesis), ct);
    }

    public async Task<ContributionDto> ContributeAsync(Guid childId, ContributesToRequest request, CancellationToken ct)
    {
        var child = await db.Objectives.AsNoTracking().FirstOrDefaultAsync(o => o.Id == childId, ct) ?? throw new NotFoundException("Objective", childId);
        await EditableScorecardAsync(child.ScorecardId, ct);
        var parentId = request.ParentObjectiveId ?? throw new BadInputException("parentObjectiveId", "parentObjectiveId is required.");
        var parent = await db.Objectives.AsNoTracking().FirstOrDefaultAsync(o => o.Id == parentId, ct)
                     ?? throw new RuleViolationException("parentObjectiveId", $"Objective '{parentId}' does not exist.");
        if (parent.ScorecardId == child.ScorecardId)
        {
            throw new RuleViolationException("parentObjectiveId", "An objective contributes to an objective of another (parent) scorecard; within one scorecard use a strategy-map link.");
        }

        var weight = Validate.Weight(request.Weight);
        var existing = await db.Contributions.AsNoTracking().ToListAsync(ct);
        var check = LinkRules.CheckNewLink(existing.Select(c => new ContributesTo(c.ChildObjectiveId, c.ParentObjectiveId)), new ContributesTo(childId, parentId));
        if (!check.IsAccepted)
        {
            var names = await db.Objectives.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var message = check.BrokenRule == LinkRule.Cycle
                ? $"The cascade would close a cycle: {string.Join(" → ", check.CyclePath.Select(id => names.GetValueOrDefault(id) ?? id.ToString()))}."
                : check.Message;
            throw new RuleViolationException("parentObjectiveId", message);
        }

        var contribution = new ContributionRecord { ChildObjectiveId = childId, ParentObjectiveId = parentId, Weight = weight };
        db.Contributions.Add(contribution);
        await db.SaveChangesAsync(ct);
        return new ContributionDto(contribution.Id, parentId, parent.Name, weight);
    }

    // ---------- KPIs and measurements ----------

    public async Task<Guid> AddKpiAsync(Guid objectiveId, CreateKpiRequest request, CancellationToken ct)
    {
        var objective = await db.Objectives.AsNoTracking().FirstOrDefaultAsync(o => o.Id == objectiveId, ct) ?? throw new NotFoundException("Objective", objectiveId);
        var scorecard = await EditableScorecardAsync(objective.ScorecardId, ct);
        var kpi = new KpiRecord
        {
            ObjectiveId = objective.Id,
            Name = Validate.Name(request.Name),
            Unit = Validate.Optional(request.Unit, "unit", 50),
            OwnerId = await Validate.OwnerAsync(directory, request.OwnerId, ct),
            DataSource = Validate.Optional(request.DataSource, "dataSource", StrategyDbContext.NameMaxLength),
            Direction = Validate.OneOf(request.Direction, Validate.Directions, "direction", "increase"),
            Baseline = request.Baseline,
            Target = request.Target,
            Min = request.Min,
            Max = request.Max,
            BandLow = request.BandLow,
            BandHigh = request.BandHigh,
            GreenThreshold = request.Thresholds?.Green,
            AmberThreshold = request.Thresholds?.Amber,
            UpdateInterval = Validate.OneOf(request.UpdateInterval, Validate.Intervals, "updateInterval", "monthly"),
            Leading = request.Leading ?? false,
            Weight = Validate.Weight(request.Weight),
            Aggregation = string.IsNullOrWhiteSpace(request.Aggregation) ? null : Validate.OneOf(request.Aggregation, Validate.Aggregations, "aggregation", "weightedAverage"),
            TrackingSince = Max(Today, scorecard.PeriodStart),
        };
        if (request.ParentKpiId is { } parentKpi)
        {
            if (!await db.Kpis.AnyAsync(k => k.Id == parentKpi, ct))
            {
                throw new RuleViolationException("parentKpiId", $"KPI '{parentKpi}' does not exist.");
            }

            kpi.ParentKpiId = parentKpi;
        }

        Validate.KpiNumbers(kpi);
        db.Kpis.Add(kpi);
        await db.SaveChangesAsync(ct);
        return kpi.Id;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public async Task PatchKpiAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        var kpi = await db.Kpis.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("KPI", id);
        var objective = await db.Objectives.AsNoTracking().FirstAsync(o => o.Id == kpi.ObjectiveId, ct);
        await EditableScorecardAsync(objective.ScorecardId, ct);
        var before = JsonSerializer.Serialize(new { kpi.Name, kpi.OwnerId, kpi.Baseline, kpi.Target, kpi.Min, kpi.Max, kpi.BandLow, kpi.BandHigh });
        foreach (var field in Patch.Fields(patch))
        {
            switch (field.Name)
            {
                case "version": Patch.Version(field, kpi.Version, "KPI"); break;
                case "name": kpi.Name = Validate.Name(Patch.Text(field)); break;
                case "unit": kpi.Unit = Validate.Optional(Patch.Text(field), "unit", 50); break;
                case "ownerId": kpi.OwnerId = await Validate.OwnerAsync(directory, Patch.GuidOf(field), ct); break;
                case "dataSource": kpi.DataSource = Validate.Optional(Patch.Text(field), "dataSource", StrategyDbContext.NameMaxLength); break;
                case "direction": kpi.Direction = Validate.OneOf(Patch.Text(field), Validate.Directions, "direction", "increase"); break;
                case "baseline": kpi.Baseline = Patch.Number(field); break;
                case "target": kpi.Target = Patch.Number(field); break;
                case "min": kpi.Min = Patch.Number(field); break;
                case "max": kpi.Max = Patch.Number(field); break;
                case "bandLow": kpi.BandLow = Patch.Number(field); break;
                case "bandHigh": kpi.BandHigh = Patch.Number(field); break;
                case "thresholds":
                    if (field.Value.ValueKind == JsonValueKind.Null)
                    {
                        kpi.GreenThreshold = kpi.AmberThreshold = null;
                    }
                    else if (field.Value.ValueKind == JsonValueKind.Object
                             && field.Value.TryGetProperty("green", out var g) && g.ValueKind == JsonValueKind.Number && g.TryGetDouble(out var gv)
                             && field.Value.TryGetProperty("amber", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetDouble(out var av))
                    {
                        kpi.GreenThreshold = gv;
                        kpi.AmberThreshold = av;
                    }
                    else
                    {
                        throw new BadInputException("thresholds", "thresholds must be {\"green\": number, \"amber\": number} or null.");
                    }

                    break;
                case "updateInterval": kpi.UpdateInterval = Validate.OneOf(Patch.Text(field), Validate.Intervals, "updateInterval", "monthly"); break;
                case "leading": kpi.Leading = Patch.Bool(field); break;
                case "weight": kpi.Weight = Validate.Weight(Patch.Number(field)); break;
                case "aggregation":
                    var agg = Patch.Text(field);
                    kpi.Aggregation = string.IsNullOrWhiteSpace(agg) ? null : Validate.OneOf(agg, Validate.Aggregations, "aggregation", "weightedAverage");
                    break;
                default: throw Patch.Unknown(field);
            }
        }

        Validate.KpiNumbers(kpi);
        kpi.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.kpi.changed", "Kpi", id.ToString(), user.PersonId, Before: before,
            After: JsonSerializer.Serialize(new { kpi.Name, kpi.OwnerId, kpi.Baseline, kpi.Target, kpi.Min, kpi.Max, kpi.BandLow, kpi.BandHigh })), ct);
    }

    public async Task<MeasurementDto> AddMeasurementAsync(Guid kpiId, CreateMeasurementRequest request, CancellationToken ct)
    {
        var kpi = await db.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kpiId, ct) ?? throw new NotFoundException("KPI", kpiId);
        var scorecard = await ScorecardOfKpiAsync(kpi, ct);
        await access.RequireMeasureAsync(kpi, scorecard, ct);
        var date = request.Date ?? throw new BadInputException("date", "date is required.");
        var value = request.Value ?? throw new BadInputException("value", "value is required.");
        var measurement = NewMeasurement(kpi, scorecard, date, value, request.Note);
        db.Measurements.Add(measurement);
        await db.SaveChangesAsync(ct);
        await AfterMeasurementsAsync([(kpi, measurement)], ct);
        return new MeasurementDto(measurement.Id, measurement.Date, measurement.Value, measurement.Note, measurement.EnteredById, null, measurement.EnteredAt);
    }

    private MeasurementRecord NewMeasurement(KpiRecord kpi, ScorecardRecord scorecard, DateOnly date, double value, string? note)
    {
        SaneRange.Number(value, "value");

        Validate.InPeriod(date, scorecard);
        if (date > Today)
        {
            throw new RuleViolationException("date", $"The date {date:yyyy-MM-dd} is in the future; record a measurement once it is known.");
        }

        if (kpi.Aggregation is not null && db.Kpis.Any(k => k.ParentKpiId == kpi.Id))
        {
            throw new RuleViolationException("kpiId", $"\"{kpi.Name}\" is computed from its sub-KPIs ({kpi.Aggregation}); enter their values instead.");
        }

        return new MeasurementRecord
        {
            KpiId = kpi.Id,
            Date = date,
            Value = value,
            Note = Validate.Optional(note, "note", MeasurementRecord.NoteMaxLength),
            EnteredById = user.PersonId,
            EnteredAt = clock.GetUtcNow(),
        };
    }

    private async Task AfterMeasurementsAsync(IReadOnlyList<(KpiRecord Kpi, MeasurementRecord Measurement)> stored, CancellationToken ct)
    {
        foreach (var (kpi, m) in stored)
        {
            await audit.WriteAsync(new AuditEntry("strategy.measurement.recorded", "Kpi", kpi.Id.ToString(), user.PersonId,
                After: m.Value.ToString(CultureInfo.InvariantCulture), Reason: m.Note,
                DataJson: JsonSerializer.Serialize(new { date = m.Date, value = m.Value })), ct);
        }

        foreach (var (kpi, m) in stored)
        {
            await events.PublishAsync(new KpiMeasurementRecorded(kpi.Id, kpi.ObjectiveId, m.Date, m.Value, user.PersonId, clock.GetUtcNow()), ct);
        }
    }

    /// <summary>CSV <c>kpiId,date,value,note</c>; all-or-nothing: any bad row and nothing is stored.</summary>
    public async Task<(MeasurementImportResultDto? Result, ImportErrorsDto? Errors)> ImportMeasurementsAsync(string csv, CancellationToken ct)
    {
        var parsed = MeasurementCsv.Parse(csv);
        var errors = parsed.Errors.ToList();
        var kpiIds = parsed.Rows.Select(r => r.KpiId).Distinct().ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => kpiIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, ct);
        var stored = new List<(KpiRecord, MeasurementRecord)>();
        foreach (var row in parsed.Rows)
        {
            if (!kpis.TryGetValue(row.KpiId, out var kpi))
            {
                errors.Add(new ImportErrorDto(row.Line, "kpiId", $"KPI '{row.KpiId}' does not exist."));
                continue;
            }

            var scorecard = await ScorecardOfKpiAsync(kpi, ct);
            if (!await access.CanMeasureAsync(kpi, scorecard, ct))
            {
                errors.Add(new ImportErrorDto(row.Line, "kpiId", $"You may not enter measurements for \"{kpi.Name}\": only its owner or an editor of its scorecard can."));
                continue;
            }

            try
            {
                stored.Add((kpi, NewMeasurement(kpi, scorecard, row.Date, row.Value, row.Note)));
            }
            catch (Exception e) when (e is BadInputException or RuleViolationException)
            {
                var column = e is BadInputException b ? b.Field : ((RuleViolationException)e).Field;
                errors.Add(new ImportErrorDto(row.Line, column, e.Message));
            }
        }

        if (errors.Count == 0 && stored.Count == 0)
        {
            errors.Add(new ImportErrorDto(1, "", "The file has no measurement rows."));
        }

        if (errors.Count > 0)
        {
            return (null, new ImportErrorsDto(errors.OrderBy(e => e.Line).ToList()));
        }

        db.Measurements.AddRange(stored.Select(s => s.Item2));
        await db.SaveChangesAsync(ct);
        await AfterMeasurementsAsync(stored, ct);
        return (new MeasurementImportResultDto(stored.Count, kpiIds), null);
    }

    // ---------- initiatives ----------

    public async Task<Guid> AddInitiativeAsync(Guid objectiveId, CreateInitiativeRequest request, CancellationToken ct)
    {
        var objective = await db.Objectives.AsNoTracking().FirstOrDefaultAsync(o => o.Id == objectiveId, ct) ?? throw new NotFoundException("Objective", objectiveId);
        var scorecard = await EditableScorecardAsync(objective.ScorecardId, ct);
        var initiative = new InitiativeRecord
        {
            ScorecardId = scorecard.Id,
            Name = Validate.Name(request.Name),
            OwnerId = await Validate.OwnerAsync(directory, request.OwnerId, ct),
            Start = request.Start,
            End = request.End,
            Budget = request.Budget is { } budget ? (decimal)SaneRange.Number((double)budget, "budget") : null,
            Currency = Validate.Currency(request.Currency),
            Status = Validate.OneOf(request.Status, Validate.InitiativeStatuses, "status", "planned"),
            PercentComplete = PercentComplete(request.PercentComplete),
        };
        CheckInitiative(initiative);
        var objectiveIds = new List<Guid> { objectiveId };
        foreach (var other in request.ObjectiveIds ?? [])
        {
            if (!await db.Objectives.AnyAsync(o => o.Id == other && o.ScorecardId == scorecard.Id, ct))
            {
                throw new RuleViolationException("objectiveIds", $"Objective '{other}' is not an objective of this scorecard.");
            }

            if (!objectiveIds.Contains(other))
            {
                objectiveIds.Add(other);
            }
        }

        db.Initiatives.Add(initiative);
        db.InitiativeObjectives.AddRange(objectiveIds.Select(o => new InitiativeObjectiveRecord { InitiativeId = initiative.Id, ObjectiveId = o }));
        await db.SaveChangesAsync(ct);
        return initiative.Id;
    }

    public async Task PatchInitiativeAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        var initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Initiative", id);
        await EditableScorecardAsync(initiative.ScorecardId, ct);
        foreach (var field in Patch.Fields(patch))
        {
            switch (field.Name)
            {
                case "version": Patch.Version(field, initiative.Version, "initiative"); break;
                case "name": initiative.Name = Validate.Name(Patch.Text(field)); break;
                case "ownerId": initiative.OwnerId = await Validate.OwnerAsync(directory, Patch.GuidOf(field), ct); break;
                case "start": initiative.Start = Patch.Date(field); break;
                case "end": initiative.End = Patch.Date(field); break;
                case "budget": initiative.Budget = Patch.Number(field) is { } b ? (decimal)b : null; break;
                case "currency": initiative.Currency = Validate.Currency(Patch.Text(field)); break;
                case "status": initiative.Status = Validate.OneOf(Patch.Text(field), Validate.InitiativeStatuses, "status", initiative.Status); break;
                case "percentComplete": initiative.PercentComplete = PercentComplete(Patch.Number(field)); break;
                default: throw Patch.Unknown(field);
            }
        }

        CheckInitiative(initiative);
        initiative.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
    }

    private static double PercentComplete(double? value)
    {
        var v = Validate.Finite(value, "percentComplete") ?? 0;
        return v is >= 0 and <= 100 ? v : throw new RuleViolationException("percentComplete", "percentComplete must be between 0 and 100.");
    }

    private static void CheckInitiative(InitiativeRecord i)
    {
        if (i is { Start: { } s, End: { } e } && e < s)
        {
            throw new RuleViolationException("end", $"The initiative ends ({e:yyyy-MM-dd}) before it starts ({s:yyyy-MM-dd}).");
        }

        SaneRange.Date(i.Start, "start");
        SaneRange.Date(i.End, "end");
        if (i.Budget is < 0)
        {
            throw new RuleViolationException("budget", "budget cannot be negative.");
        }

        if (i.Budget is null)
        {
            i.Currency = null;
        }
    }

    // ---------- strategy reviews ----------

    public async Task<Guid> RecordReviewAsync(Guid scorecardId, CreateStrategyReviewRequest request, CancellationToken ct)
    {
        var scorecard = await EditableScorecardAsync(scorecardId, ct);
        var heldOn = request.HeldOn ?? throw new BadInputException("heldOn", "heldOn is required.");
        if (heldOn > Today)
        {
            throw new RuleViolationException("heldOn", "A review is recorded once it has been held; the date is in the future.");
        }

        var attendees = new List<Guid>();
        foreach (var a in request.AttendeeIds ?? [])
        {
            attendees.Add(await Validate.OwnerAsync(directory, a, ct, "attendeeIds") ?? a);
        }

        var review = new StrategyReviewRecord
        {
            ScorecardId = scorecard.Id,
            HeldOn = heldOn,
            Title = Validate.Name(request.Title, "title"),
            Notes = Validate.Optional(request.Notes, "notes", StrategyReviewRecord.TextMaxLength),
            Attendees = ReviewAttendees.Format(attendees),
            RecordedById = user.PersonId,
            RecordedAt = clock.GetUtcNow(),
        };
        var objectiveIds = (await db.Objectives.AsNoTracking().Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var decisions = new List<ReviewDecisionRecord>();
        foreach (var (d, i) in (request.Decisions ?? []).Select((d, i) => (d, i)))
        {
            var field = $"decisions[{i}]";
            if (d.ObjectiveId is { } oid && !objectiveIds.Contains(oid))
            {
                throw new RuleViolationException($"{field}.objectiveId", $"Objective '{oid}' does not exist.");
            }

            decisions.Add(new ReviewDecisionRecord
            {
                ReviewId = review.Id,
                Kind = Validate.OneOf(d.Kind, Validate.DecisionKinds, $"{field}.kind", "decision"),
                Text = Validate.Name(d.Text, $"{field}.text", StrategyReviewRecord.TextMaxLength),
                OwnerId = await Validate.OwnerAsync(directory, d.OwnerId, ct, $"{field}.ownerId"),
                DueOn = d.DueOn,
                ObjectiveId = d.ObjectiveId,
                Position = i,
            });
        }

        db.Reviews.Add(review);
        db.Decisions.AddRange(decisions);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(new AuditEntry("strategy.review.recorded", "Scorecard", scorecard.Id.ToString(), user.PersonId,
            After: review.Title, DataJson: JsonSerializer.Serialize(new { decisions = decisions.Select(d => d.Text) })), ct);
        return review.Id;
    }

    // ---------- helpers ----------

    private async Task<ScorecardRecord> EditableScorecardAsync(Guid id, CancellationToken ct)
    {
        var scorecard = await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Scorecard", id);
        await access.RequireEditAsync(scorecard, ct);
        return scorecard;
    }

    private async Task<ScorecardRecord> ScorecardOfKpiAsync(KpiRecord kpi, CancellationToken ct)
    {
        var objective = await db.Objectives.AsNoTracking().FirstAsync(o => o.Id == kpi.ObjectiveId, ct);
        return await db.Scorecards.AsNoTracking().FirstAsync(s => s.Id == objective.ScorecardId, ct);
    }
}
