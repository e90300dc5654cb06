using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>The stored rows a refresh writes: findings, per-objective state and term vectors, and the roll-ups its analysis reads.</summary>
internal sealed partial class AlignmentRefresher
{
    /// <summary>
    /// Where each objective's progress comes from: its key results and its direct children's stored progress (the same
    /// calculation as the stored progress columns and the one-objective read), children in a fixed order, so a full and an
    /// incremental refresh give the same numbers. All children of every objective when <paramref name="ids"/> is null.
    /// </summary>
    private async Task<Dictionary<Guid, RollUpExplanation>> RollUpsAsync(OkrSnapshot snapshot, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var links = from l in db.ParentLinks.AsNoTracking()
                    join c in db.Objectives.AsNoTracking() on l.ObjectiveId equals c.Id
                    where l.ParentObjectiveId != null && !c.Archived
                    select new { Parent = l.ParentObjectiveId!.Value, c.Id, c.Title, c.Progress, c.ProgressHasData, l.Weight };
        if (ids is not null)
        {
            var parents = ids.ToList();
            links = links.Where(l => parents.Contains(l.Parent));
        }
        var children = (await links.ToListAsync(ct)).ToLookup(r => r.Parent);
        var result = new Dictionary<Guid, RollUpExplanation>();
        foreach (var id in ids ?? [.. snapshot.ById.Keys])
        {
            if (!snapshot.ById.TryGetValue(id, out var o)) continue;
            var mine = children[id].OrderBy(c => c.Id)
                .Select(c => new ChildProgress(c.Id, c.Title, c.Progress, c.ProgressHasData, Standings.LinkWeight(c.Weight))).ToList();
            result[id] = Standings.Compute(o, mine, snapshot.Today).RollUp;
        }
        return result;
    }

    /// <summary>
    /// The stored term vectors of the objectives the analysis reads (the candidate parents — every objective above the
    /// individual level — and the objectives analysed) whose text has not changed since: the similarity index takes
    /// them instead of analysing the texts again.
    /// </summary>
    private async Task RememberStoredTermsAsync(OkrSnapshot snapshot, IReadOnlySet<Guid> affected, bool full, CancellationToken ct)
    {
        var states = db.ObjectiveAlignments.AsNoTracking();
        if (!full)
        {
            // The candidates only when this process does not remember their terms yet (their texts rarely change).
            var wanted = snapshot.Objectives.Where(o => affected.Contains(o.Id) || o.Level != "individual"
                && (snapshot.Graph.FindObjective(o.Id) is not { } node || !TermExtractor.Knows(node.SimilarityText))).Select(o => o.Id).ToList();
            if (wanted.Count == 0) return;
            states = states.Where(s => wanted.Contains(s.ObjectiveId));
        }
        var stored = await states.Select(s => new { s.ObjectiveId, s.TextHash, s.TermsJson }).ToListAsync(ct);
        foreach (var s in stored)
        {
            if (snapshot.Graph.FindObjective(s.ObjectiveId) is not { } node) continue;
            var text = node.SimilarityText;
            if (Hash(text) != s.TextHash) continue;
            TermExtractor.Remember(text, JsonSerializer.Deserialize<Dictionary<string, int>>(s.TermsJson, Json) ?? []);
        }
    }

    private async Task<OkrStoredFinding> ToRowAsync(OkrSnapshot snapshot, AlignmentFinding f, OkrObjective periodOf, DateTimeOffset now, CancellationToken ct)
    {
        var dto = await alignment.ToDtoAsync(snapshot, f, ct);
        var objective = dto.ObjectiveId is { } oid ? snapshot.ById.GetValueOrDefault(oid) : null;
        var source = objective ?? periodOf;
        return new OkrStoredFinding
        {
            ObjectiveId = dto.ObjectiveId,
            KeyResultId = dto.KeyResultId,
            PersonId = dto.PersonId,
            ObjectiveTitle = dto.ObjectiveTitle,
            Level = objective?.Level ?? "individual",
            Code = dto.Code,
            Severity = dto.Severity,
            SeverityRank = f.Severity switch { FindingSeverity.High => 0, FindingSeverity.Medium => 1, _ => 2 },
            Message = dto.Message.Length > OkrStoredFinding.MessageMaxLength ? dto.Message[..OkrStoredFinding.MessageMaxLength] : dto.Message,
            NumbersJson = JsonSerializer.Serialize(dto.Numbers, Json),
            SuggestionsJson = JsonSerializer.Serialize(dto.Suggestions, Json),
            SuggestedParentId = dto.Suggestions.FirstOrDefault()?.Id,
            Period = source.Period,
            PeriodStart = source.PeriodStart,
            PeriodEnd = source.PeriodEnd,
            OwnerUnitId = names.KnownPerson(dto.PersonId)?.OrgUnitId,
            ObjectiveUnitId = objective is { Level: not "company" } ? objective.OrgUnitId : null,
            ComputedAt = now,
        };
    }

    private async Task<OkrObjectiveAlignment> StateAsync(OkrSnapshot snapshot, OkrObjective o, bool full, DateTimeOffset now, CancellationToken ct)
    {
        var node = snapshot.Graph.FindObjective(o.Id)!;
        var ownerUnit = names.KnownPerson(o.OwnerPersonId)?.OrgUnitId;
        var departmentOf = o.Level == "individual" ? ownerUnit : o.OrgUnitId;
        // The whole unit list for a full run; a few units walked up for an incremental one (its cost stays flat).
        var department = departmentOf is not { } unit ? null : full ? await names.DepartmentOfAsync(unit, ct) : await names.DepartmentOfWalkingUpAsync(unit, ct);
        var text = node.SimilarityText;
        return new OkrObjectiveAlignment
        {
            ObjectiveId = o.Id,
            Level = o.Level,
            Period = o.Period,
            PeriodStart = o.PeriodStart,
            PeriodEnd = o.PeriodEnd,
            Archived = o.Archived,
            OwnerPersonId = o.OwnerPersonId,
            OwnerUnitId = ownerUnit,
            ObjectiveUnitId = o.Level == "company" ? null : o.OrgUnitId,
            DepartmentId = department is { ParentId: not null } ? department.Id : null, // the root is no department
            Aligned = !o.Archived && snapshot.Graph.IsAligned(o.Id),
            PerspectivesJson = o.Archived ? "[]" : JsonSerializer.Serialize(snapshot.Graph.PerspectivesReached(o.Id).Order(StringComparer.OrdinalIgnoreCase), Json),
            TextHash = Hash(text),
            TermsJson = JsonSerializer.Serialize(TermExtractor.Counts(text), Json),
            ComputedAt = now,
        };
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
