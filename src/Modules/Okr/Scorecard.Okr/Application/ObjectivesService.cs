using Scorecard.Platform.Persistence;
using Scorecard.Platform.Values;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Contracts;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Events;
using Scorecard.Platform.Paging;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>Objectives, key results and check-ins: validated writes, access checks, and the API's view of them.</summary>
internal sealed class ObjectivesService(
    OkrDbContext db,
    OkrAccess access,
    OkrNames names,
    IOrganizationDirectory directory,
    IStrategyReader strategy,
    IEventBus events,
    IAuditLog audit,
    TimeProvider clock,
    UnitOfWork unitOfWork,
    ProgressUpdater progress)
{
    public const int MaxCommentLength = OkrCheckIn.CommentMaxLength;

    /// <summary>Check-ins shown per key result on an objective (the most recent); the evidence contract reads all.</summary>
    public const int CheckInsShown = 100;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private OkrSnapshot? _snapshot;

    /// <summary>Everything loaded once per request (scoped service); every write through this service drops it.</summary>
    public async Task<OkrSnapshot> SnapshotAsync(CancellationToken ct) => _snapshot ??= await OkrSnapshot.LoadAsync(db, strategy, Today, ct);

    public Task<OkrSnapshot> FreshSnapshotAsync(CancellationToken ct) => OkrSnapshot.LoadAsync(db, strategy, Today, ct);

    /// <summary>Saves, then brings the stored progress of the changed objectives (and the chains above them) up to date in the same transaction.</summary>
    private async Task SaveAsync(CancellationToken ct, params Guid[] changedObjectives)
    {
        await db.SaveChangesAsync(ct);
        await progress.RefreshAsync(changedObjectives, ct);
        _snapshot = null;
    }

    // ---------- reads ----------

    public async Task<ObjectiveDto> GetAsync(Guid id, CancellationToken ct)
    {
        var view = await ViewAsync([id], ct);
        var objective = view.Shown.FirstOrDefault() ?? throw new NotFoundException("Objective", id);
        return await ToDtoAsync(view, objective, ct);
    }

    /// <summary>Only the given objectives, their parents and their direct children (see <see cref="ObjectiveView"/>).</summary>
    public Task<ObjectiveView> ViewAsync(IReadOnlyList<Guid> ids, CancellationToken ct, int? checkInsPerKeyResult = CheckInsShown) =>
        ObjectiveView.LoadAsync(db, strategy, ids, checkInsPerKeyResult, Today, ct);

    public async Task<Page<ObjectiveDto>> ListAsync(string? period, Guid? ownerPersonId, Guid? orgUnitId, string? level,
        bool includeArchived, PageRequest page, CancellationToken ct)
    {
        IQueryable<OkrObjective> query = db.Objectives.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(period))
        {
            var p = OkrPeriod.Parse(period);
            query = query.Where(o => o.PeriodStart <= p.End && o.PeriodEnd >= p.Start);
        }
        if (ownerPersonId is { } owner) query = query.Where(o => o.OwnerPersonId == owner);
        if (orgUnitId is { } unit) query = query.Where(o => o.OrgUnitId == unit);
        if (!string.IsNullOrWhiteSpace(level))
        {
            var code = OkrCodes.ParseLevel(level).ToCode();
            query = query.Where(o => o.Level == code);
        }
        if (!includeArchived) query = query.Where(o => !o.Archived);
        var total = await query.CountAsync(ct);
        // Ordered as before (period, level from company down, title); titles compare by the database's binary collation.
        var ids = await query
            .OrderBy(o => o.PeriodStart)
            .ThenBy(o => o.Level == "company" ? 0 : o.Level == "department" ? 1 : o.Level == "team" ? 2 : 3)
            .ThenBy(o => o.Title).ThenBy(o => o.Id)
            .Skip(page.Offset).Take(page.Limit).Select(o => o.Id).ToListAsync(ct);
        var view = await ViewAsync(ids, ct);
        await names.LoadPeopleAsync(view.Shown.Where(o => o.OwnerPersonId is not null).Select(o => o.OwnerPersonId!.Value), ct);
        var items = new List<ObjectiveDto>();
        foreach (var o in view.Shown) items.Add(await ToDtoAsync(view, o, ct));
        return new Page<ObjectiveDto>(items, total);
    }

    public async Task<Guid> ObjectiveOfKeyResultAsync(Guid keyResultId, CancellationToken ct) =>
        await db.KeyResults.Where(k => k.Id == keyResultId).Select(k => (Guid?)k.ObjectiveId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Key result", keyResultId);

    public static int LevelOrder(string level) => (int)OkrCodes.ParseLevel(level);

    public async Task<ObjectiveDto> ToDtoAsync(ObjectiveView snapshot, OkrObjective o, CancellationToken ct)
    {
        var standing = snapshot.StandingOf(o.Id);
        var owner = await names.PersonAsync(o.OwnerPersonId, ct);
        var parents = new List<ParentLinkDto>();
        foreach (var link in o.Parents)
        {
            var reference = OkrSnapshot.ToRef(link);
            var broken = snapshot.Graph.ParentsOf(o.Id).FirstOrDefault(l => l.Parent == reference) is { } graphLink
                ? snapshot.Graph.CheckLink(graphLink) : null;
            if (link.ParentObjectiveId is { } okrParent)
                parents.Add(new ParentLinkDto("okr", okrParent, snapshot.ById.GetValueOrDefault(okrParent)?.Title ?? "(deleted objective)",
                    link.Weight, null, broken is not null, broken?.Explanation));
            else
            {
                var s = snapshot.Strategy.GetValueOrDefault(link.StrategyObjectiveId!.Value);
                parents.Add(new ParentLinkDto("strategy", link.StrategyObjectiveId.Value, s?.Name ?? "(unknown scorecard objective)",
                    link.Weight, s?.PerspectiveName, broken is not null, broken?.Explanation));
            }
        }
        return new ObjectiveDto(
            o.Id, o.Title, o.Description, o.Level, o.Period, o.PeriodStart, o.PeriodEnd, o.OwnerPersonId, owner?.Name,
            o.OrgUnitId, await names.UnitNameAsync(o.OrgUnitId, ct), o.Type, o.RollUpShare, o.Archived,
            Math.Round(standing.Progress, 4), (double)standing.Grade.Value, standing.Grade.Band.ToCode(),
            standing.Assessment.Status.ToCode(), (double)(standing.Assessment.ExpectedPercent / 100m),
            await access.CanEditAsync(o, ct), parents,
            [.. o.KeyResults.OrderBy(k => k.Position).Select(k => ToDto(k, standing.KeyResults.GetValueOrDefault(k.Id) ?? KeyResultProgress.NoData))],
            o.Version,
            ToDto(standing.RollUp),
            await CarriedFromAsync(snapshot, o, ct));
    }

    private async Task<CarriedFromDto?> CarriedFromAsync(ObjectiveView view, OkrObjective o, CancellationToken ct)
    {
        if (o.CarriedFromId is not { } from) return null;
        if (view.ById.GetValueOrDefault(from) is { } known) return new CarriedFromDto(known.Id, known.Title, known.Period);
        return await db.Objectives.AsNoTracking().Where(x => x.Id == from).Select(x => new CarriedFromDto(x.Id, x.Title, x.Period)).FirstOrDefaultAsync(ct);
    }

    private static RollUpDto ToDto(RollUpExplanation r) => new(
        r.Summary, Math.Round(r.KeyResultShare, 4), Math.Round(r.ChildShare, 4), r.KeyResultPart is { } k ? Math.Round(k, 4) : null,
        r.ChildrenProgress is { } c ? Math.Round(c, 4) : null, r.ChildrenIgnored,
        [.. r.Children.Select(x => new RollUpChildDto(x.Id, x.Title, Math.Round(x.Progress, 4), x.Weight))]);

    private static KeyResultDto ToDto(OkrKeyResult k, KeyResultProgress progress) => new(
        k.Id, k.Title, k.Kind, k.Start, k.Target, k.Unit, k.Weight, k.KpiId, k.BandLow, k.BandHigh, k.DueDate, k.Current,
        Math.Round(progress.Value, 4), progress.HasData,
        [.. k.CheckIns.OrderByDescending(c => c.Date).ThenByDescending(c => c.RecordedAt)
            .Select(c => new CheckInDto(c.Id, c.Date, c.Value, c.Confidence, c.Comment, c.ByPersonId, c.Source))], k.Version, k.Position);

    // ---------- objectives ----------

    public async Task<ObjectiveDto> CreateAsync(CreateObjectiveRequest request, CancellationToken ct)
    {
        var me = access.PersonId;
        var level = OkrCodes.ParseLevel(request.Level);
        var period = string.IsNullOrWhiteSpace(request.Period) ? OkrPeriod.QuarterContaining(Today) : OkrPeriod.Parse(request.Period);
        var objective = new OkrObjective
        {
            Title = Title(request.Title, "title"),
            Description = Description(request.Description),
            Level = level.ToCode(),
            Period = period.Code,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            Type = OkrCodes.ParseType(request.Type),
            RollUpShare = RollUpShare(request.RollUpShare),
            CreatedByPersonId = me,
            CreatedAt = clock.GetUtcNow(),
        };
        switch (level)
        {
            case OkrLevel.Individual:
                if (request.OrgUnitId is not null)
                    throw new BadInputException("orgUnitId", "An individual objective is owned by a person: send ownerPersonId, not orgUnitId.");
                var ownerId = request.OwnerPersonId ?? me
                    ?? throw new BadInputException("ownerPersonId", "ownerPersonId is required for an individual objective.");
                if (await directory.GetPersonAsync(ownerId, ct) is null)
                    throw new RuleViolationException("ownerPersonId", $"Person '{ownerId}' does not exist.");
                objective.OwnerPersonId = ownerId;
                break;
            case OkrLevel.Company:
                if (request.OwnerPersonId is not null)
                    throw new BadInputException("ownerPersonId", "A company objective is owned by the company: leave ownerPersonId out.");
                var units = await names.UnitsAsync(ct);
                objective.OrgUnitId = request.OrgUnitId ?? units.FirstOrDefault(u => u.ParentId is null)?.Id;
                if (objective.OrgUnitId is { } companyUnit && units.All(u => u.Id != companyUnit))
                    throw new RuleViolationException("orgUnitId", $"Org unit '{companyUnit}' does not exist.");
                break;
            default:
                if (request.OwnerPersonId is not null)
                    throw new BadInputException("ownerPersonId", $"A {level.ToCode()} objective is owned by an org unit: send orgUnitId, not ownerPersonId.");
                var unitId = request.OrgUnitId ?? throw new BadInputException("orgUnitId", $"orgUnitId is required for a {level.ToCode()} objective.");
                if ((await names.UnitsAsync(ct)).All(u => u.Id != unitId))
                    throw new RuleViolationException("orgUnitId", $"Org unit '{unitId}' does not exist.");
                objective.OrgUnitId = unitId;
                break;
        }
        await access.RequireEditAsync(objective, ct);
        objective.Parents = await ValidParentsAsync(objective, request.Parents ?? [], ct);
        db.Objectives.Add(objective);
        await SaveAsync(ct, objective.Id);
        await audit.WriteAsync(new AuditEntry("okr.objective.created", "okr.objective", objective.Id.ToString(), me,
            After: $"{objective.Level} {objective.Period}: {objective.Title}"), ct);
        return await GetAsync(objective.Id, ct);
    }

    /// <summary>JSON merge-patch: title, description, type, rollUpShare, archived, parents (replaces the list). <c>version</c>, when given, must be current.</summary>
    public async Task<ObjectiveDto> PatchAsync(Guid id, JsonElement patch, CancellationToken ct)
    {
        if (patch.ValueKind != JsonValueKind.Object) throw new BadInputException("body", "The body must be a JSON object.");
        var objective = await db.Objectives.Include(o => o.Parents).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("Objective", id);
        await access.RequireEditAsync(objective, ct);
        var before = Describe(objective);
        var formerParents = objective.Parents.Where(l => l.ParentObjectiveId is not null).Select(l => l.ParentObjectiveId!.Value).ToList();
        List<ParentLinkRequest>? newParents = null;
        foreach (var field in patch.EnumerateObject())
        {
            switch (field.Name)
            {
                case "version":
                    if (field.Value.ValueKind != JsonValueKind.String || !Guid.TryParse(field.Value.GetString(), out var version))
                        throw new BadInputException("version", "version must be the objective's version (a GUID).");
                    if (version != objective.Version)
                        throw new ConflictException("This objective was changed by someone else since you loaded it. Reload and try again.");
                    break;
                case "title": objective.Title = Title(Text(field), "title"); break;
                case "description": objective.Description = Description(Text(field)); break;
                case "type": objective.Type = OkrCodes.ParseType(Text(field)); break;
                case "rollUpShare":
                    objective.RollUpShare = RollUpShare(field.Value.ValueKind == JsonValueKind.Number ? field.Value.GetDouble()
                        : throw new BadInputException("rollUpShare", "rollUpShare must be a number between 0 and 1."));
                    break;
                case "archived":
                    objective.Archived = field.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw new BadInputException("archived", "archived must be true or false."),
                    };
                    break;
                case "parents":
                    try
                    {
                        newParents = field.Value.Deserialize<List<ParentLinkRequest>>(JsonSerializerOptions.Web)
                            ?? throw new BadInputException("parents", "parents must be a list.");
                    }
                    catch (JsonException)
                    {
                        throw new BadInputException("parents", "parents must be a list of {okrObjectiveId | strategyObjectiveId, weight}.");
                    }
                    break;
                case "id":
                    if (field.Value.ValueKind != JsonValueKind.String || field.Value.GetString() != id.ToString())
                        throw new BadInputException("id", "id cannot be changed.");
                    break;
                case "level" or "period" or "ownerPersonId" or "orgUnitId":
                    throw new BadInputException(field.Name, $"{field.Name} cannot be changed; create a new objective instead.");
                default:
                    throw new BadInputException(field.Name, $"Unknown field '{field.Name}'.");
            }
        }
        if (newParents is not null) await ReplaceParentsAsync(objective, newParents, ct);
        objective.Version = Guid.NewGuid();
        await SaveAsync(ct, [objective.Id, .. formerParents]);
        await audit.WriteAsync(new AuditEntry("okr.objective.changed", "okr.objective", id.ToString(), access.PersonId,
            Before: before, After: Describe(objective)), ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Replaces the parent list; a cycle is refused (422 with the path) and nothing is written.</summary>
    public async Task ReplaceParentsAsync(OkrObjective objective, IReadOnlyList<ParentLinkRequest> parents, CancellationToken ct)
    {
        var links = await ValidParentsAsync(objective, parents, ct);
        var graph = await AncestorGraphAsync(objective, links, ct);
        foreach (var link in links) graph.AddParent(objective.Id, OkrSnapshot.ToRef(link), link.Weight); // throws on a cycle
        db.ParentLinks.RemoveRange(objective.Parents);
        objective.Parents.Clear();
        foreach (var link in links)
        {
            link.ObjectiveId = objective.Id;
            objective.Parents.Add(link);
            db.ParentLinks.Add(link);
        }
    }

    /// <summary>
    /// The objective and every OKR objective above the proposed parents, with their links: all a cycle through the
    /// objective can pass (it would have to climb from a proposed parent back to it). One query per level climbed.
    /// </summary>
    private async Task<AlignmentGraph> AncestorGraphAsync(OkrObjective objective, IReadOnlyList<OkrParentLink> links, CancellationToken ct)
    {
        var graph = new AlignmentGraph();
        graph.AddObjective(new ObjectiveNode(objective.Id, objective.Title, OkrCodes.ParseLevel(objective.Level), OkrPeriod.Parse(objective.Period)));
        var known = new HashSet<Guid> { objective.Id };
        var frontier = links.Where(l => l.ParentObjectiveId is not null).Select(l => l.ParentObjectiveId!.Value).Where(known.Add).ToList();
        var edges = new List<(Guid Child, Guid Parent, double Weight)>();
        while (frontier.Count > 0)
        {
            var ids = frontier;
            var rows = await db.Objectives.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.Title, o.Level, o.Period, Parents = o.Parents.Where(l => l.ParentObjectiveId != null).Select(l => new { l.ParentObjectiveId, l.Weight }).ToList() })
                .ToListAsync(ct);
            frontier = [];
            foreach (var row in rows)
            {
                graph.AddObjective(new ObjectiveNode(row.Id, row.Title, OkrCodes.ParseLevel(row.Level), OkrPeriod.Parse(row.Period)));
                foreach (var link in row.Parents)
                {
                    edges.Add((row.Id, link.ParentObjectiveId!.Value, Standings.LinkWeight(link.Weight)));
                    if (known.Add(link.ParentObjectiveId!.Value)) frontier.Add(link.ParentObjectiveId.Value);
                }
            }
        }
        foreach (var (child, parent, weight) in edges)
            if (graph.FindObjective(child) is not null && graph.FindObjective(parent) is not null)
                graph.TryAddParent(child, ParentRef.Okr(parent), weight, out _, out _);
        return graph;
    }

    /// <summary>DELETE archives: the history stays (reviews cite it) and children report a broken parent.</summary>
    public async Task ArchiveAsync(Guid id, CancellationToken ct)
    {
        var objective = await db.Objectives.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Objective", id);
        await access.RequireEditAsync(objective, ct);
        if (objective.Archived) return;
        objective.Archived = true;
        objective.Version = Guid.NewGuid();
        await SaveAsync(ct, objective.Id);
        await audit.WriteAsync(new AuditEntry("okr.objective.archived", "okr.objective", id.ToString(), access.PersonId, After: "archived"), ct);
    }

    private async Task<List<OkrParentLink>> ValidParentsAsync(OkrObjective child, IReadOnlyList<ParentLinkRequest> parents, CancellationToken ct)
    {
        var links = new List<OkrParentLink>();
        foreach (var p in parents)
        {
            if (p is null) throw new BadInputException("parents", "A parent entry is empty.");
            if ((p.OkrObjectiveId is null) == (p.StrategyObjectiveId is null))
                throw new BadInputException("parents", "Each parent names exactly one of okrObjectiveId or strategyObjectiveId.");
            var weight = p.Weight ?? 1.0;
            if (!double.IsFinite(weight) || weight <= 0.0)
                throw new BadInputException("parents", $"A parent's weight must be a finite number greater than 0, not {weight}.");
            if (p.OkrObjectiveId is { } okr)
            {
                if (okr == child.Id)
                    throw new RuleViolationException("parents", "An objective cannot support itself.");
                if (!await db.Objectives.AnyAsync(o => o.Id == okr, ct))
                    throw new RuleViolationException("parents", $"Parent objective '{okr}' does not exist.");
            }
            else if (await strategy.GetObjectiveAsync(p.StrategyObjectiveId!.Value, ct) is null)
                throw new RuleViolationException("parents", $"Scorecard objective '{p.StrategyObjectiveId}' does not exist.");
            var link = new OkrParentLink { ObjectiveId = child.Id, ParentObjectiveId = p.OkrObjectiveId, StrategyObjectiveId = p.StrategyObjectiveId, Weight = weight };
            if (links.Any(l => l.ParentObjectiveId == link.ParentObjectiveId && l.StrategyObjectiveId == link.StrategyObjectiveId))
                throw new BadInputException("parents", "The same parent is listed twice.");
            links.Add(link);
        }
        return links;
    }

    // ---------- key results ----------

    public async Task<ObjectiveDto> AddKeyResultAsync(Guid objectiveId, CreateKeyResultRequest request, CancellationToken ct)
    {
        var objective = await db.Objectives.Include(o => o.KeyResults).FirstOrDefaultAsync(o => o.Id == objectiveId, ct)
            ?? throw new NotFoundException("Objective", objectiveId);
        await access.RequireEditAsync(objective, ct);
        if (objective.Archived) throw new ConflictException("The objective is archived; restore it before adding key results.");
        var keyResult = new OkrKeyResult { ObjectiveId = objective.Id, Position = objective.KeyResults.Count };
        await ApplyKeyResultAsync(keyResult, request.Title, request.Kind, request.Start, request.Target, request.Unit, request.Weight,
            request.KpiId, request.BandLow, request.BandHigh, request.DueDate, ct);
        db.KeyResults.Add(keyResult);
        objective.Version = Guid.NewGuid();
        await SaveAsync(ct, objective.Id);
        await audit.WriteAsync(new AuditEntry("okr.key-result.created", "okr.objective", objective.Id.ToString(), access.PersonId,
            After: $"{keyResult.Kind}: {keyResult.Title}"), ct);
        return await GetAsync(objective.Id, ct);
    }

    /// <summary>Deletes a key result that has no check-ins yet (one with check-ins is history: archive the objective instead, 409).</summary>
    public async Task<ObjectiveDto> DeleteKeyResultAsync(Guid keyResultId, CancellationToken ct)
    {
        var keyResult = await db.KeyResults.Include(k => k.CheckIns).FirstOrDefaultAsync(k => k.Id == keyResultId, ct)
            ?? throw new NotFoundException("Key result", keyResultId);
        var objective = await db.Objectives.Include(o => o.KeyResults).FirstAsync(o => o.Id == keyResult.ObjectiveId, ct);
        await access.RequireEditAsync(objective, ct);
        if (objective.Archived) throw new ConflictException("The objective is archived; restore it before changing its key results.");
        if (keyResult.CheckIns.Count > 0)
            throw new ConflictException("This key result has check-ins, which are kept as history; it cannot be deleted.");
        db.KeyResults.Remove(keyResult);
        var position = 0;
        foreach (var k in objective.KeyResults.Where(k => k.Id != keyResultId).OrderBy(k => k.Position)) k.Position = position++;
        objective.Version = Guid.NewGuid();
        await SaveAsync(ct, objective.Id);
        await audit.WriteAsync(new AuditEntry("okr.key-result.deleted", "okr.key-result", keyResultId.ToString(), access.PersonId,
            Before: $"{keyResult.Kind}: {keyResult.Title}"), ct);
        return await GetAsync(objective.Id, ct);
    }

    /// <summary>Puts the key results in the given order (every one of the objective, once); a stale <paramref name="version"/> is 409.</summary>
    public async Task<ObjectiveDto> OrderKeyResultsAsync(Guid objectiveId, IReadOnlyList<Guid>? order, Guid? version, CancellationToken ct)
    {
        var objective = await db.Objectives.Include(o => o.KeyResults).FirstOrDefaultAsync(o => o.Id == objectiveId, ct)
            ?? throw new NotFoundException("Objective", objectiveId);
        await access.RequireEditAsync(objective, ct);
        if (objective.Archived) throw new ConflictException("The objective is archived; restore it before changing its key results.");
        if (version is { } v && v != objective.Version)
            throw new ConflictException("This objective was changed by someone else since you loaded it. Reload and try again.");
        if (order is null || order.Count != objective.KeyResults.Count || order.Distinct().Count() != order.Count
            || order.Any(id => objective.KeyResults.All(k => k.Id != id)))
            throw new BadInputException("keyResultIds", $"keyResultIds must list each of the objective's {objective.KeyResults.Count} key results exactly once.");
        var before = string.Join(", ", objective.KeyResults.OrderBy(k => k.Position).Select(k => k.Title));
        for (var i = 0; i < order.Count; i++) objective.KeyResults.Single(k => k.Id == order[i]).Position = i;
        objective.Version = Guid.NewGuid();
        await SaveAsync(ct, objective.Id);
        await audit.WriteAsync(new AuditEntry("okr.key-results.ordered", "okr.objective", objective.Id.ToString(), access.PersonId,
            Before: before, After: string.Join(", ", objective.KeyResults.OrderBy(k => k.Position).Select(k => k.Title))), ct);
        return await GetAsync(objective.Id, ct);
    }

    /// <summary>JSON merge-patch of a key result (version, title, kind, start, target, unit, weight, kpiId, bandLow, bandHigh, dueDate), validated like a new one.</summary>
    public async Task<ObjectiveDto> PatchKeyResultAsync(Guid keyResultId, JsonElement patch, CancellationToken ct)
    {
        if (patch.ValueKind != JsonValueKind.Object) throw new BadInputException("body", "The body must be a JSON object.");
        var keyResult = await db.KeyResults.Include(k => k.CheckIns).FirstOrDefaultAsync(k => k.Id == keyResultId, ct) ?? throw new NotFoundException("Key result", keyResultId);
        var objective = await db.Objectives.FirstAsync(o => o.Id == keyResult.ObjectiveId, ct);
        await access.RequireEditAsync(objective, ct);
        if (objective.Archived) throw new ConflictException("The objective is archived; restore it before changing its key results.");
        var before = $"{keyResult.Kind}: {keyResult.Title} ({keyResult.Start} → {keyResult.Target} {keyResult.Unit}, due {keyResult.DueDate})";
        string title = keyResult.Title, kind = keyResult.Kind;
        double? start = keyResult.Start, target = keyResult.Target, weight = keyResult.Weight, low = keyResult.BandLow, high = keyResult.BandHigh;
        string? unit = keyResult.Unit;
        Guid? kpi = keyResult.KpiId;
        DateOnly? due = keyResult.DueDate;
        foreach (var field in patch.EnumerateObject())
        {
            switch (field.Name)
            {
                case "version":
                    if (field.Value.ValueKind != JsonValueKind.String || !Guid.TryParse(field.Value.GetString(), out var version))
                        throw new BadInputException("version", "version must be the key result's version (a GUID).");
                    if (version != keyResult.Version)
                        throw new ConflictException("This key result was changed by someone else since you loaded it. Reload and try again.");
                    break;
                case "title": title = Text(field) ?? ""; break;
                case "kind": kind = Text(field) ?? ""; break;
                case "start": start = Number(field); break;
                case "target": target = Number(field); break;
                case "unit": unit = Text(field); break;
                case "weight": weight = Number(field); break;
                case "bandLow": low = Number(field); break;
                case "bandHigh": high = Number(field); break;
                case "kpiId":
                    kpi = field.Value.ValueKind == JsonValueKind.Null ? null
                        : field.Value.ValueKind == JsonValueKind.String && Guid.TryParse(field.Value.GetString(), out var g) ? g
                        : throw new BadInputException("kpiId", "kpiId must be an id (GUID) or null.");
                    break;
                case "dueDate":
                    due = field.Value.ValueKind == JsonValueKind.Null ? null
                        : field.Value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(field.Value.GetString(), "yyyy-MM-dd", out var d) ? d
                        : throw new BadInputException("dueDate", "dueDate must be a date (yyyy-MM-dd) or null.");
                    break;
                default: throw new BadInputException(field.Name, $"Unknown field '{field.Name}'.");
            }
        }
        await ApplyKeyResultAsync(keyResult, title, kind, start, target, unit, weight, kpi, low, high, due, ct);
        keyResult.Version = Guid.NewGuid();
        objective.Version = Guid.NewGuid();
        await SaveAsync(ct, objective.Id);
        await audit.WriteAsync(new AuditEntry("okr.key-result.changed", "okr.key-result", keyResult.Id.ToString(), access.PersonId,
            Before: before, After: $"{keyResult.Kind}: {keyResult.Title} ({keyResult.Start} → {keyResult.Target} {keyResult.Unit}, due {keyResult.DueDate})"), ct);
        return await GetAsync(objective.Id, ct);
    }

    /// <summary>
    /// Validates and applies a key result's definition. Incomplete definitions (no target, no due date) are accepted so
    /// that drafts can be saved; the alignment check reports them as NOT_MEASURABLE. Wrong numbers are refused.
    /// </summary>
    private async Task ApplyKeyResultAsync(OkrKeyResult k, string? title, string? kindCode, double? start, double? target, string? unit,
        double? weight, Guid? kpiId, double? bandLow, double? bandHigh, DateOnly? dueDate, CancellationToken ct)
    {
        var kind = KeyResultKindCodes.Parse(kindCode);
        foreach (var (value, name) in new[] { (start, "start"), (target, "target"), (weight, "weight"), (bandLow, "bandLow"), (bandHigh, "bandHigh") })
            SaneRange.Number(value, name);
        SaneRange.Date(dueDate, "dueDate");
        if (weight is { } w && w <= 0) throw new BadInputException("weight", "weight must be greater than 0.");
        if (unit is { Length: > OkrKeyResult.UnitMaxLength }) throw new BadInputException("unit", $"unit is longer than {OkrKeyResult.UnitMaxLength} characters.");
        double? current = k.Current;
        if (kind == KeyResultKind.Kpi)
        {
            var id = kpiId ?? throw new BadInputException("kpiId", "A kpi key result names the scorecard KPI it reads (kpiId).");
            var kpi = await strategy.GetKpiAsync(id, ct) ?? throw new RuleViolationException("kpiId", $"Scorecard KPI '{id}' does not exist.");
            start ??= kpi.Baseline;
            target ??= kpi.Target;
            unit ??= kpi.Unit;
            current = kpi.CurrentValue;
        }
        else kpiId = null;
        if (kind is KeyResultKind.Metric or KeyResultKind.Percentage or KeyResultKind.Kpi && start is { } s && target is { } t)
        {
            if (Math.Abs(t - s) < SaneRange.MinSpan) throw new BadInputException("target", $"The target ({t}) must differ from the start ({s}), or there is nothing to progress towards.");
            if (kind == KeyResultKind.Percentage) KeyResultProgress.Percentage(s, t, s);
        }
        if (kind == KeyResultKind.Control && bandLow is { } low && bandHigh is { } high && low > high)
            throw new BadInputException("bandLow", $"The band's low end ({low}) must not be above its high end ({high}).");
        if (kind.ToCode() != k.Kind && k.CheckIns.Count > 0 && kind != KeyResultKind.Kpi)
            throw new RuleViolationException("kind", "A key result with check-ins cannot change its kind.");
        k.Title = Title(title, "title");
        k.Kind = kind.ToCode();
        k.Start = kind is KeyResultKind.Milestone or KeyResultKind.Control ? null : start;
        k.Target = kind is KeyResultKind.Milestone or KeyResultKind.Control ? null : target;
        k.Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        k.Weight = weight;
        k.KpiId = kpiId;
        k.BandLow = kind == KeyResultKind.Control ? bandLow : null;
        k.BandHigh = kind == KeyResultKind.Control ? bandHigh : null;
        k.DueDate = dueDate;
        k.Current = current;
    }

    // ---------- check-ins ----------

    public async Task<ObjectiveDto> CheckInAsync(Guid keyResultId, CheckInRequest request, CancellationToken ct)
    {
        // Check-ins to one key result are recorded one at a time, so its current value is always its latest check-in.
        await unitOfWork.LockAsync<OkrKeyResult>(db, keyResultId, ct);
        var keyResult = await db.KeyResults.Include(k => k.CheckIns).FirstOrDefaultAsync(k => k.Id == keyResultId, ct)
            ?? throw new NotFoundException("Key result", keyResultId);
        var objective = await db.Objectives.FirstAsync(o => o.Id == keyResult.ObjectiveId, ct);
        await access.RequireEditAsync(objective, ct);
        var value = request.Value ?? throw new BadInputException("value", "value is required.");
        SaneRange.Number(value, "value");
        var confidence = request.Confidence ?? throw new BadInputException("confidence", "confidence (0–10) is required.");
        if (confidence is < 0 or > 10) throw new BadInputException("confidence", $"confidence must be between 0 and 10, not {confidence}.");
        if (request.Comment is { Length: > MaxCommentLength }) throw new BadInputException("comment", $"comment is longer than {MaxCommentLength} characters.");
        var date = request.Date ?? Today;
        if (date > Today) throw new BadInputException("date", "A check-in cannot be dated in the future.");
        if (objective.Archived) throw new ConflictException($"'{objective.Title}' is archived; check-ins are closed.");
        if (keyResult.Kind == "kpi")
            throw new RuleViolationException("value", "This key result reads its value from a scorecard KPI; record a KPI measurement instead.");
        KeyResultProgress.Calculate(OkrSnapshot.ToSpec(keyResult), value); // validates the value for the kind (milestone 0/1, percentage 0–100)
        var me = access.PersonId ?? throw new ForbiddenException("This action needs an account linked to a person.");
        var checkIn = new OkrCheckIn
        {
            KeyResultId = keyResult.Id,
            Date = date,
            Value = value,
            Confidence = confidence,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            ByPersonId = me,
            RecordedAt = clock.GetUtcNow(),
        };
        keyResult.CheckIns.Add(checkIn);
        db.CheckIns.Add(checkIn);
        keyResult.Current = keyResult.CheckIns.OrderBy(c => c.Date).ThenBy(c => c.RecordedAt).Last().Value;
        await SaveAsync(ct, objective.Id);
        await events.PublishAsync(new OkrCheckInRecorded(checkIn.Id, keyResult.Id, objective.Id, objective.OwnerPersonId, value, confidence, me, checkIn.RecordedAt), ct);
        return await GetAsync(objective.Id, ct);
    }

    /// <summary>A scorecard KPI measurement updates every <c>kpi</c> key result that reads that KPI (history kept as check-ins).</summary>
    public async Task<int> RefreshFromKpiAsync(Guid kpiId, DateOnly date, double value, Guid? recordedBy, CancellationToken ct)
    {
        if (!double.IsFinite(value)) return 0;
        var keyResults = await db.KeyResults.Include(k => k.CheckIns).Where(k => k.KpiId == kpiId && k.Kind == "kpi").ToListAsync(ct);
        foreach (var k in keyResults)
        {
            var previous = k.CheckIns.OrderBy(c => c.Date).ThenBy(c => c.RecordedAt).LastOrDefault();
            var checkIn = new OkrCheckIn
            {
                KeyResultId = k.Id,
                Date = date,
                Value = value,
                Confidence = previous?.Confidence ?? 5,
                Comment = $"From the scorecard KPI measurement of {date:yyyy-MM-dd}.",
                ByPersonId = recordedBy ?? Guid.Empty,
                RecordedAt = clock.GetUtcNow(),
                Source = "kpi",
            };
            k.CheckIns.Add(checkIn);
            db.CheckIns.Add(checkIn);
            k.Current = k.CheckIns.OrderBy(c => c.Date).ThenBy(c => c.RecordedAt).Last().Value;
        }
        await SaveAsync(ct, [.. keyResults.Select(k => k.ObjectiveId)]);
        return keyResults.Count;
    }

    // ---------- helpers ----------

    private static string Describe(OkrObjective o) =>
        $"{o.Title} | type={o.Type} | archived={o.Archived} | rollUpShare={o.RollUpShare} | parents="
        + string.Join(",", o.Parents.Select(p => $"{(p.ParentObjectiveId is not null ? "okr" : "strategy")}:{p.ParentObjectiveId ?? p.StrategyObjectiveId}@{p.Weight}"));

    private static string Title(string? title, string field)
    {
        var t = title?.Trim() ?? "";
        if (t.Length == 0) throw new BadInputException(field, $"{field} is required.");
        if (t.Length > OkrObjective.TitleMaxLength) throw new BadInputException(field, $"{field} is longer than {OkrObjective.TitleMaxLength} characters.");
        return t;
    }

    private static string? Description(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (t.Length > OkrObjective.DescriptionMaxLength)
            throw new BadInputException("description", $"description is longer than {OkrObjective.DescriptionMaxLength} characters.");
        return t;
    }

    private static double RollUpShare(double? share)
    {
        var s = share ?? 0.0;
        if (!double.IsFinite(s) || s is < 0.0 or > 1.0) throw new BadInputException("rollUpShare", "rollUpShare must be between 0 and 1.");
        return s;
    }

    private static string? Text(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.String => field.Value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be a string."),
    };

    private static double? Number(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when field.Value.TryGetDouble(out var d) && double.IsFinite(d) => d,
        _ => throw new BadInputException(field.Name, $"{field.Name} must be a finite number or null."),
    };
}
