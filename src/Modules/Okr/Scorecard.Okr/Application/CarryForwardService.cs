using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Web.Api.Models;
using Scorecard.Platform;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Values;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>
/// Carries unfinished objectives into a later period: a copy (title, description, type, level, owner or unit, roll-up
/// share) that remembers its original (<see cref="OkrObjective.CarriedFromId"/>), with the key results still open.
/// <list type="bullet">
/// <item>A key result is left behind when it reached its target (progress 100 %); control key results (stay in a band)
/// always come along. An objective whose every other key result is finished, or that is archived, is refused (422).</item>
/// <item>A carried key result keeps its kind, target, unit, weight, KPI, band and position; its new start is the value it
/// reached (so the new period measures the rest of the way), it has no check-ins yet, and a due date moves to the new
/// period's end.</item>
/// <item>A parent stays when its period covers the new one, is replaced by its own carried copy in the new period, or
/// else is dropped (the copy then says so in the notes).</item>
/// <item>Access is that of creating the copy; a second carry of the same objective into the same period is 409 (unique
/// index, so also under concurrent requests).</item>
/// </list>
/// </summary>
internal sealed class CarryForwardService(
    OkrDbContext db,
    OkrAccess access,
    ObjectivesService objectives,
    IStrategyReader strategy,
    IAuditLog audit,
    TimeProvider clock,
    UnitOfWork unitOfWork,
    ProgressUpdater progress)
{
    /// <summary>The carried copies of the given objectives (not archived): original id → (copy id, period).</summary>
    public async Task<ILookup<Guid, (Guid Id, string Period)>> CopiesOfAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return Array.Empty<(Guid, Guid, string)>().ToLookup(x => x.Item1, x => (x.Item2, x.Item3));
        var rows = await db.Objectives.AsNoTracking().Where(o => o.CarriedFromId != null && ids.Contains(o.CarriedFromId.Value) && !o.Archived)
            .Select(o => new { From = o.CarriedFromId!.Value, o.Id, o.Period, o.PeriodStart }).ToListAsync(ct);
        return rows.OrderBy(r => r.PeriodStart).ToLookup(r => r.From, r => (r.Id, r.Period));
    }

    public async Task<CarryForwardResultDto> CarryAsync(Guid id, string? period, CancellationToken ct) =>
        (await CarryManyAsync(null, period, [id], "id", ct)).Single();

    /// <summary>All or none: the first refusal refuses the request and nothing is written.</summary>
    public Task<IReadOnlyList<CarryForwardResultDto>> CarryManyAsync(string? fromPeriod, string? toPeriod, IReadOnlyList<Guid>? ids, CancellationToken ct) =>
        CarryManyAsync(fromPeriod ?? throw new BadInputException("fromPeriod", "fromPeriod is required."), toPeriod, ids, "objectiveIds", ct);

    private async Task<IReadOnlyList<CarryForwardResultDto>> CarryManyAsync(string? fromPeriod, string? toPeriod, IReadOnlyList<Guid>? ids,
        string idField, CancellationToken ct)
    {
        var periodField = fromPeriod is null ? "period" : "toPeriod";
        if (string.IsNullOrWhiteSpace(toPeriod)) throw new BadInputException(periodField, $"{periodField} is required.");
        var target = OkrPeriod.TryParse(toPeriod, out var p, out var error) ? p : throw new BadInputException(periodField, error);
        var from = fromPeriod is null ? null : OkrPeriod.Parse(fromPeriod);
        if (ids is null || ids.Count == 0) throw new BadInputException(idField, "Name at least one objective to carry.");
        if (ids.Count > 200) throw new BadInputException(idField, "Carry at most 200 objectives at once.");
        if (ids.Distinct().Count() != ids.Count) throw new BadInputException(idField, "An objective is listed twice.");

        foreach (var id in ids.Order()) await unitOfWork.LockAsync<OkrObjective>(db, id, ct); // concurrent carries of one objective queue up
        var originals = await db.Objectives.Include(o => o.Parents).Include(o => o.KeyResults)
            .Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        foreach (var id in ids)
            if (originals.All(o => o.Id != id)) throw new NotFoundException("Objective", id);

        var notes = new Dictionary<Guid, List<string>>();
        var copies = new Dictionary<Guid, OkrObjective>();
        // Parents first, so that a child carried in the same request links to its parent's copy. Everything is checked
        // before the one save, so a refusal (also one a page shows) leaves nothing written.
        foreach (var original in originals.OrderBy(o => ObjectivesService.LevelOrder(o.Level)).ThenBy(o => IndexOf(ids, o.Id)))
        {
            var (copy, said) = await CarryOneAsync(original, from, target, idField, periodField, copies, ct);
            copies[original.Id] = copy;
            notes[original.Id] = said;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear(); // the save was undone (EF rolls back to its savepoint): forget the copies
            throw new ConflictException($"Another request carried {(copies.Count == 1 ? $"'{copies.Values.Single().Title}'" : "one of these objectives")} into {target.Code} at the same moment; reload to see the copy.");
        }
        await progress.RefreshAsync([.. copies.Values.Select(c => c.Id)], ct);
        foreach (var (originalId, copy) in copies)
            await audit.WriteAsync(new AuditEntry("okr.objective.carried", "okr.objective", copy.Id.ToString(), access.PersonId,
                Before: $"carried from {originalId}", After: $"{copy.Level} {copy.Period}: {copy.Title}"), ct);
        var final = new List<CarryForwardResultDto>();
        foreach (var id in ids)
            final.Add(new CarryForwardResultDto(id, await objectives.GetAsync(copies[id].Id, ct), notes[id]));
        return final;
    }

    private static int IndexOf(IReadOnlyList<Guid> ids, Guid id)
    {
        for (var i = 0; i < ids.Count; i++) if (ids[i] == id) return i;
        return -1;
    }

    private async Task<(OkrObjective Copy, List<string> Notes)> CarryOneAsync(OkrObjective original, OkrPeriod? from, OkrPeriod target,
        string idField, string periodField, IReadOnlyDictionary<Guid, OkrObjective> carriedNow, CancellationToken ct)
    {
        var name = $"'{original.Title}'";
        if (from is not null && original.Period != from.Code)
            throw new RuleViolationException(idField, $"{name} belongs to {original.Period}, not {from.Code}.");
        if (target.Start <= original.PeriodEnd)
            throw new RuleViolationException(periodField, $"{name} can only be carried into a period that starts after {original.Period} ends ({original.PeriodEnd:yyyy-MM-dd}); {target.Code} does not.");
        if (original.Archived)
            throw new RuleViolationException(idField, $"{name} is archived; restore it before carrying it forward.");
        var open = original.KeyResults.OrderBy(k => k.Position).Where(IsUnfinished).ToList();
        var measured = original.KeyResults.Where(k => k.Kind != "control").ToList();
        if (measured.Count > 0 && measured.All(k => !IsUnfinished(k)))
            throw new RuleViolationException(idField, $"{name} is finished: every key result reached its target. There is nothing to carry.");
        if (await db.Objectives.AnyAsync(o => o.CarriedFromId == original.Id && o.Period == target.Code, ct))
            throw new ConflictException($"{name} was already carried into {target.Code}.");

        var notes = new List<string>();
        var copy = new OkrObjective
        {
            Title = original.Title,
            Description = original.Description,
            Level = original.Level,
            Period = target.Code,
            PeriodStart = target.Start,
            PeriodEnd = target.End,
            OwnerPersonId = original.OwnerPersonId,
            OrgUnitId = original.OrgUnitId,
            Type = original.Type,
            RollUpShare = original.RollUpShare,
            CreatedByPersonId = access.PersonId,
            CreatedAt = clock.GetUtcNow(),
            CarriedFromId = original.Id,
        };
        await access.RequireEditAsync(copy, ct);

        var position = 0;
        foreach (var k in open)
            copy.KeyResults.Add(CarriedKeyResult(k, copy.Id, target, position++));
        var left = original.KeyResults.Count - open.Count;
        if (left > 0) notes.Add($"{left} finished key result{(left == 1 ? " was" : "s were")} left in {original.Period}.");

        var parents = new List<ParentLinkRequest>();
        var toCopies = new List<OkrParentLink>();
        foreach (var link in original.Parents)
        {
            if (link.ParentObjectiveId is { } parentId && carriedNow.TryGetValue(parentId, out var carriedParent))
            {
                // Not saved yet: linked directly (a brand-new copy cannot close a loop).
                toCopies.Add(new OkrParentLink { ObjectiveId = copy.Id, ParentObjectiveId = carriedParent.Id, Weight = link.Weight });
                notes.Add($"Now supports the carried copy of '{carriedParent.Title}'.");
                continue;
            }
            var (kept, note) = await CarriedParentAsync(link, target, ct);
            if (kept is not null) parents.Add(kept);
            if (note is not null) notes.Add(note);
        }
        await objectives.ReplaceParentsAsync(copy, parents, ct);
        foreach (var link in toCopies)
        {
            copy.Parents.Add(link);
            db.ParentLinks.Add(link);
        }
        db.Objectives.Add(copy);
        return (copy, notes);
    }

    /// <summary>Open: not yet at 100 % (no data counts as open); a control key result is an ongoing promise and always open.</summary>
    private static bool IsUnfinished(OkrKeyResult k)
    {
        if (k.Kind == "control") return true;
        var reached = OkrSnapshot.ProgressOf(k);
        return !reached.HasData || reached.Value < 1.0;
    }

    private static OkrKeyResult CarriedKeyResult(OkrKeyResult k, Guid objectiveId, OkrPeriod target, int position)
    {
        var start = k.Start;
        // The new period measures the rest of the way: it starts where the last one ended (unless that is already the target).
        if (k.Kind is "metric" or "percentage" or "kpi" && k.Current is { } reached && k.Target is { } goal && Math.Abs(goal - reached) >= SaneRange.MinSpan)
            start = reached;
        return new OkrKeyResult
        {
            ObjectiveId = objectiveId,
            Title = k.Title,
            Kind = k.Kind,
            Start = start,
            Target = k.Target,
            Unit = k.Unit,
            Weight = k.Weight,
            KpiId = k.KpiId,
            BandLow = k.BandLow,
            BandHigh = k.BandHigh,
            DueDate = k.DueDate is null ? null : target.End,
            Current = k.Kind == "kpi" ? k.Current : null, // a KPI-linked one keeps reading the KPI's latest value
            Position = position,
        };
    }

    private async Task<(ParentLinkRequest? Kept, string? Note)> CarriedParentAsync(OkrParentLink link, OkrPeriod target, CancellationToken ct)
    {
        if (link.StrategyObjectiveId is { } strategyId)
        {
            var s = await strategy.GetObjectiveAsync(strategyId, ct);
            if (s is not null && s.PeriodStart <= target.Start && s.PeriodEnd >= target.End)
                return (new ParentLinkRequest(null, strategyId, link.Weight), null);
            return (null, $"The scorecard objective '{s?.Name ?? "(deleted)"}' does not cover {target.Code}: the copy has no link to it; choose a parent for it.");
        }
        var parentId = link.ParentObjectiveId!.Value;
        var parent = await db.Objectives.AsNoTracking().Where(o => o.Id == parentId)
            .Select(o => new { o.Title, o.PeriodStart, o.PeriodEnd, o.Archived, o.Period }).FirstOrDefaultAsync(ct);
        if (parent is null) return (null, null);
        if (!parent.Archived && parent.PeriodStart <= target.Start && parent.PeriodEnd >= target.End)
            return (new ParentLinkRequest(parentId, null, link.Weight), null);
        var earlierCopy = await db.Objectives.AsNoTracking().Where(o => o.CarriedFromId == parentId && o.Period == target.Code && !o.Archived)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (earlierCopy is { } copyId)
            return (new ParentLinkRequest(copyId, null, link.Weight), $"Now supports the carried copy of '{parent.Title}'.");
        return (null, $"The parent '{parent.Title}' belongs to {parent.Period} and was not carried into {target.Code}: the copy has no parent; choose one.");
    }
}
