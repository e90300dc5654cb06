using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>What one refresh did.</summary>
internal sealed record AlignmentRefreshOutcome(bool Ran, bool Full, int Objectives, int Findings)
{
    public static readonly AlignmentRefreshOutcome Nothing = new(false, false, 0, 0);

    public static readonly AlignmentRefreshOutcome Busy = new(false, false, -1, 0);

    public override string ToString() => !Ran ? "nothing to refresh" : $"{(Full ? "full" : "incremental")}: {Objectives} objectives, {Findings} findings";
}

/// <summary>
/// Brings the stored alignment findings up to date: the objectives marked dirty (<see cref="AlignmentDirtyMarks"/>) with
/// their parents, their descendants when their structure changed, and every objective of their owners (the owner checks
/// count a whole portfolio) — or everything, on the first run and every <c>Scorecard:Okr:AlignmentFullRefreshHours</c>
/// (6 by default: catches what no goal write announces — a person moving unit, a scorecard objective archived, the
/// calendar moving on under expected progress). The analysis is <see cref="AlignmentAnalyzer"/>'s, on the whole graph
/// (so a finding is what the per-request analysis gave), only for the objectives affected. Reads happen first; the
/// writes run in one transaction, serialized across instances (PostgreSQL advisory lock) and within one (a gate); a
/// refresh that finds a newer one (started later) has written meanwhile writes nothing, so older results never win.
/// </summary>
internal sealed class AlignmentRefresher(
    OkrDbContext db,
    ObjectivesService objectives,
    AlignmentService alignment,
    OkrNames names,
    AlignmentRefreshGate gate,
    TimeProvider clock,
    IConfiguration configuration)
{
    private const long AdvisoryLockKey = 0x0c4a11e0;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TimeSpan FullEvery => TimeSpan.FromHours(Math.Max(0.01, configuration.GetValue("Scorecard:Okr:AlignmentFullRefreshHours", 6.0)));

    /// <summary>
    /// Refreshes what is due. With <paramref name="waitAtMost"/>, gives up (returning <see cref="AlignmentRefreshOutcome.Busy"/>)
    /// when another refresh of this process is still running after that long — a reader then shows what is stored.
    /// </summary>
    public async Task<AlignmentRefreshOutcome> RefreshAsync(bool forceFull, CancellationToken ct, TimeSpan? waitAtMost = null)
    {
        if (waitAtMost is { } wait)
        {
            if (!await gate.Semaphore.WaitAsync(wait, ct)) return AlignmentRefreshOutcome.Busy;
        }
        else
        {
            await gate.Semaphore.WaitAsync(ct);
        }
        try
        {
            return await RefreshGatedAsync(forceFull, ct);
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    private async Task<AlignmentRefreshOutcome> RefreshGatedAsync(bool forceFull, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var marks = await db.AlignmentDirty.AsNoTracking().ToListAsync(ct);
        var run = await db.AlignmentRuns.AsNoTracking().FirstOrDefaultAsync(ct);
        var full = forceFull || run is null || now - run.FullComputedAt >= FullEvery;
        if (!full && marks.Count == 0) return AlignmentRefreshOutcome.Nothing;

        var snapshot = await objectives.FreshSnapshotAsync(ct);
        var affected = full ? [.. snapshot.ById.Keys] : Affected(snapshot, marks);
        var analysed = affected.Where(id => snapshot.ById.TryGetValue(id, out var o) && !o.Archived).ToList();
        await names.LoadPeopleAsync(snapshot.Objectives.Where(o => affected.Contains(o.Id) && o.OwnerPersonId is not null).Select(o => o.OwnerPersonId!.Value), ct);
        await RememberStoredTermsAsync(snapshot, affected, ct);

        var findings = new List<OkrStoredFinding>();
        foreach (var period in analysed.Select(id => snapshot.ById[id]).GroupBy(o => o.Period))
        {
            var first = period.First();
            foreach (var f in await alignment.FindingsAsync(snapshot, [.. period.Select(o => o.Id)], first.PeriodStart, ct))
                findings.Add(await ToRowAsync(snapshot, f, first, now, ct));
        }
        var states = new List<OkrObjectiveAlignment>();
        foreach (var id in affected.Where(snapshot.ById.ContainsKey))
            states.Add(await StateAsync(snapshot, snapshot.ById[id], now, ct));
        var owners = snapshot.Objectives.Where(o => affected.Contains(o.Id) && o.OwnerPersonId is not null).Select(o => o.OwnerPersonId!.Value).Distinct().ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        // Another instance's refresh that started after this one has written: its results are newer than these. Write
        // nothing; the marks this run read are gone or still there for the next one.
        var current = await db.AlignmentRuns.AsNoTracking().FirstOrDefaultAsync(ct);
        if (current is not null && current.ComputedAt > now) return AlignmentRefreshOutcome.Nothing;
        if (full)
        {
            await db.AlignmentFindings.ExecuteDeleteAsync(ct);
            await db.ObjectiveAlignments.ExecuteDeleteAsync(ct);
        }
        else
        {
            var ids = affected.ToList();
            await db.AlignmentFindings.Where(f => f.ObjectiveId != null && ids.Contains(f.ObjectiveId.Value)).ExecuteDeleteAsync(ct);
            await db.AlignmentFindings.Where(f => f.ObjectiveId == null && f.PersonId != null && owners.Contains(f.PersonId.Value)).ExecuteDeleteAsync(ct);
            await db.ObjectiveAlignments.Where(s => ids.Contains(s.ObjectiveId)).ExecuteDeleteAsync(ct);
        }
        var markIds = marks.Select(m => m.Id).ToList();
        await db.AlignmentDirty.Where(d => markIds.Contains(d.Id)).ExecuteDeleteAsync(ct);
        db.AlignmentFindings.AddRange(findings);
        db.ObjectiveAlignments.AddRange(states);
        await db.SaveChangesAsync(ct);
        await RebuildDepartmentCoverageAsync(now, ct);
        await db.AlignmentRuns.ExecuteDeleteAsync(ct);
        db.AlignmentRuns.Add(new OkrAlignmentRun { ComputedAt = now, FullComputedAt = full ? now : current?.FullComputedAt ?? now, LastRefreshed = affected.Count });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new AlignmentRefreshOutcome(true, full, affected.Count, findings.Count);
    }

    /// <summary>The marked objectives, their current parents, their descendants when marked so, and all objectives of their owners.</summary>
    private static HashSet<Guid> Affected(OkrSnapshot snapshot, IReadOnlyList<OkrAlignmentDirty> marks)
    {
        var affected = new HashSet<Guid>();
        foreach (var mark in marks.GroupBy(m => m.ObjectiveId))
        {
            affected.Add(mark.Key);
            if (snapshot.Graph.FindObjective(mark.Key) is null) continue; // deleted: its rows go
            foreach (var link in snapshot.Graph.ParentsOf(mark.Key).Where(l => l.Parent.Kind == ParentKind.OkrObjective))
                affected.Add(link.Parent.Id);
            if (mark.Any(m => m.WithDescendants)) affected.UnionWith(snapshot.Graph.DescendantsOf(mark.Key));
        }
        var owners = affected.Select(id => snapshot.ById.GetValueOrDefault(id)?.OwnerPersonId).OfType<Guid>().ToHashSet();
        affected.UnionWith(snapshot.Objectives.Where(o => o.OwnerPersonId is { } owner && owners.Contains(owner)).Select(o => o.Id));
        return affected;
    }

    /// <summary>
    /// The stored term vectors of the objectives the analysis reads (the candidate parents — every objective above the
    /// individual level — and the objectives analysed) whose text has not changed since: the similarity index takes
    /// them instead of analysing the texts again.
    /// </summary>
    private async Task RememberStoredTermsAsync(OkrSnapshot snapshot, IReadOnlySet<Guid> affected, CancellationToken ct)
    {
        var wanted = snapshot.Objectives.Where(o => o.Level != "individual" || affected.Contains(o.Id)).Select(o => o.Id).ToList();
        var stored = await db.ObjectiveAlignments.AsNoTracking().Where(s => s.Level != "individual" || wanted.Contains(s.ObjectiveId))
            .Select(s => new { s.ObjectiveId, s.TextHash, s.TermsJson }).ToListAsync(ct);
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

    private async Task<OkrObjectiveAlignment> StateAsync(OkrSnapshot snapshot, OkrObjective o, DateTimeOffset now, CancellationToken ct)
    {
        var node = snapshot.Graph.FindObjective(o.Id)!;
        var ownerUnit = names.KnownPerson(o.OwnerPersonId)?.OrgUnitId;
        var departmentOf = o.Level == "individual" ? ownerUnit : o.OrgUnitId;
        var department = departmentOf is { } unit ? await names.DepartmentOfAsync(unit, ct) : null;
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

    /// <summary>Per department and objective period, from the stored state of every current individual goal.</summary>
    private async Task RebuildDepartmentCoverageAsync(DateTimeOffset now, CancellationToken ct)
    {
        var goals = await db.ObjectiveAlignments.AsNoTracking()
            .Where(s => s.Level == "individual" && !s.Archived && s.OwnerPersonId != null && s.DepartmentId != null)
            .Select(s => new { DepartmentId = s.DepartmentId!.Value, s.Period, s.PeriodStart, s.PeriodEnd, s.Aligned, s.PerspectivesJson })
            .ToListAsync(ct);
        await db.DepartmentCoverage.ExecuteDeleteAsync(ct);
        foreach (var group in goals.GroupBy(g => (g.DepartmentId, g.Period)))
        {
            var counts = new SortedDictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            var mapped = 0;
            foreach (var g in group)
            {
                var reached = JsonSerializer.Deserialize<List<string>>(g.PerspectivesJson, Json) ?? [];
                if (reached.Count == 0) continue;
                mapped++;
                foreach (var perspective in reached) counts[perspective] = counts.GetValueOrDefault(perspective) + 1.0 / reached.Count;
            }
            var first = group.First();
            db.DepartmentCoverage.Add(new OkrDepartmentCoverage
            {
                DepartmentId = group.Key.DepartmentId,
                Period = group.Key.Period,
                PeriodStart = first.PeriodStart,
                PeriodEnd = first.PeriodEnd,
                Goals = group.Count(),
                Aligned = group.Count(g => g.Aligned),
                Mapped = mapped,
                PerspectiveCountsJson = JsonSerializer.Serialize(counts, Json),
                ComputedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>One refresh at a time in this process (the job and a read catching up may both want one).</summary>
internal sealed class AlignmentRefreshGate
{
    public SemaphoreSlim Semaphore { get; } = new(1, 1);
}
