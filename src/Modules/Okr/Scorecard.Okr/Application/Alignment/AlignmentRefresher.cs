using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Scorecard.Okr.Persistence;

namespace Scorecard.Okr.Application.Alignment;

/// <summary>What one refresh did.</summary>
internal sealed record AlignmentRefreshOutcome(bool Ran, bool Full, int Objectives, int Findings, string? Timings = null)
{
    public static readonly AlignmentRefreshOutcome Nothing = new(false, false, 0, 0);

    public static readonly AlignmentRefreshOutcome Busy = new(false, false, -1, 0);

    public override string ToString() =>
        !Ran ? "nothing to refresh" : $"{(Full ? "full" : "incremental")}: {Objectives} objectives, {Findings} findings{(Timings is null ? "" : $" ({Timings})")}";
}

/// <summary>
/// Brings the stored alignment findings up to date: the objectives marked dirty (<see cref="AlignmentDirtyMarks"/>) with
/// their parents, their descendants when their structure changed, and every objective of their owners (the owner checks
/// count a whole portfolio) — or everything, on the first run and every <c>Scorecard:Okr:AlignmentFullRefreshHours</c>
/// (6 by default: catches what no goal write announces — a person moving unit, a scorecard objective archived, the
/// calendar moving on under expected progress). The analysis is <see cref="Domain.AlignmentAnalyzer"/>'s; an incremental
/// refresh runs it on the part of the graph it reads (<see cref="AlignmentScope"/>), which gives the same findings as the
/// whole graph, so its cost follows what it recomputes, not the company.
/// <para>
/// Everything is computed before any write. An incremental refresh writes in one short transaction; a full one in batches
/// of whole owners' portfolios, each its own transaction, so other writers wait for one batch at most. Writes are serialized
/// across instances (PostgreSQL advisory lock) and within one (a gate). A refresh that finds a newer one (started later)
/// has written meanwhile writes nothing (incremental; its marks stay for the next run) or skips the portfolios the newer one
/// rewrote (full), so older results never win; marks made while a refresh computes are not deleted by it.
/// </para>
/// </summary>
internal sealed partial class AlignmentRefresher(
    OkrDbContext db,
    ObjectivesService objectives,
    AlignmentService alignment,
    OkrNames names,
    AlignmentRefreshGate gate,
    TimeProvider clock,
    IConfiguration configuration,
    Strategy.Contracts.IStrategyReader strategy)
{
    /// <summary>About how many objectives a full refresh writes per transaction (<c>Scorecard:Okr:AlignmentWriteBatch</c>).</summary>
    public const int DefaultWriteBatch = 500;

    private const long AdvisoryLockKey = 0x0c4a11e0;
    private static readonly TimeSpan BatchPause = TimeSpan.FromMilliseconds(20);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private int WriteBatch => Math.Clamp(configuration.GetValue("Scorecard:Okr:AlignmentWriteBatch", DefaultWriteBatch), 1, 100_000);

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
        // Whole milliseconds: the stored times come back equal to it on every database (PostgreSQL keeps microseconds).
        var clockNow = clock.GetUtcNow();
        var now = new DateTimeOffset(clockNow.Ticks - clockNow.Ticks % TimeSpan.TicksPerMillisecond, clockNow.Offset);
        var marks = await db.AlignmentDirty.AsNoTracking().ToListAsync(ct);
        var run = await db.AlignmentRuns.AsNoTracking().FirstOrDefaultAsync(ct);
        var full = forceFull || run is null || now - run.FullComputedAt >= FullEvery;
        if (!full && marks.Count == 0) return AlignmentRefreshOutcome.Nothing;

        var timings = new PhaseTimings();
        OkrSnapshot snapshot;
        HashSet<Guid> affected;
        if (full)
        {
            snapshot = await objectives.FreshSnapshotAsync(ct);
            affected = [.. snapshot.ById.Keys];
        }
        else
        {
            var scope = await AlignmentScope.LoadAsync(db, marks, ct);
            snapshot = await OkrSnapshot.OfAsync(scope.Objectives, strategy, objectives.Today, ct);
            affected = scope.Affected;
        }
        timings.End("load");
        var computed = await ComputeAsync(snapshot, affected, full, now, timings, ct);
        var outcome = full
            ? await WriteFullAsync(computed, marks, now, ct)
            : await WriteIncrementalAsync(computed, marks, now, ct);
        timings.End("write");
        return outcome.Ran ? outcome with { Timings = timings.ToString() } : outcome;
    }

    /// <summary>How long each phase of a refresh took (recorded with the job's run: where a slow refresh spends its time).</summary>
    private sealed class PhaseTimings
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private readonly List<string> _phases = [];
        private TimeSpan _last;

        public void End(string phase)
        {
            var now = _watch.Elapsed;
            _phases.Add($"{phase} {(now - _last).TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s");
            _last = now;
        }

        public override string ToString() => string.Join(", ", _phases);
    }

    /// <summary>What a refresh stores for the affected objectives, computed before anything is written.</summary>
    private sealed record Computed(
        IReadOnlySet<Guid> Affected,
        IReadOnlyDictionary<Guid, Guid?> OwnerOf,
        IReadOnlyList<OkrStoredFinding> Findings,
        IReadOnlyList<OkrObjectiveAlignment> States);

    private async Task<Computed> ComputeAsync(OkrSnapshot snapshot, HashSet<Guid> affected, bool full, DateTimeOffset now, PhaseTimings timings, CancellationToken ct)
    {
        var existing = affected.Where(snapshot.ById.ContainsKey).Select(id => snapshot.ById[id]).ToList();
        var analysed = existing.Where(o => !o.Archived).ToList();
        await names.LoadPeopleAsync(existing.Where(o => o.OwnerPersonId is not null).Select(o => o.OwnerPersonId!.Value), ct);
        await RememberStoredTermsAsync(snapshot, affected, full, ct);
        var rollUps = await RollUpsAsync(snapshot, full ? null : [.. analysed.Select(o => o.Id)], ct);
        timings.End("terms and roll-ups");

        var findings = new List<OkrStoredFinding>();
        foreach (var period in analysed.GroupBy(o => o.Period))
        {
            var first = period.First();
            foreach (var f in await alignment.FindingsAsync(snapshot, [.. period.Select(o => o.Id)], first.PeriodStart, ct, rollUps))
                findings.Add(await ToRowAsync(snapshot, f, first, now, ct));
        }
        timings.End("findings");
        var states = new List<OkrObjectiveAlignment>();
        foreach (var o in existing) states.Add(await StateAsync(snapshot, o, full, now, ct));
        timings.End("states");
        return new Computed(affected, existing.ToDictionary(o => o.Id, o => o.OwnerPersonId), findings, states);
    }

    /// <summary>Inside a write transaction: waits for the other instances' refresh writes (PostgreSQL), then reads the run row.</summary>
    private async Task<OkrAlignmentRun?> LockRunAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        return await db.AlignmentRuns.AsNoTracking().FirstOrDefaultAsync(ct);
    }

    private async Task<AlignmentRefreshOutcome> WriteIncrementalAsync(Computed computed, IReadOnlyList<OkrAlignmentDirty> marks, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Another refresh that started after this one has written: its results are newer than these. Write nothing; the
        // marks this run read are gone or still there for the next one.
        var current = await LockRunAsync(ct);
        if (current is not null && current.ComputedAt > now) return AlignmentRefreshOutcome.Nothing;
        var ids = computed.Affected.ToList();
        var owners = computed.OwnerOf.Values.OfType<Guid>().Distinct().ToList();
        // Coverage changes where a goal was counted before and where it is counted now.
        var before = await db.ObjectiveAlignments.AsNoTracking().Where(s => ids.Contains(s.ObjectiveId))
            .Select(s => new { s.DepartmentId, s.Period }).ToListAsync(ct);
        var departments = before.Select(s => s.DepartmentId).Concat(computed.States.Select(s => s.DepartmentId)).OfType<Guid>().ToHashSet();
        var periods = before.Select(s => s.Period).Concat(computed.States.Select(s => s.Period)).ToHashSet(StringComparer.Ordinal);

        await db.AlignmentFindings.Where(f => f.ObjectiveId != null && ids.Contains(f.ObjectiveId.Value)).ExecuteDeleteAsync(ct);
        await db.AlignmentFindings.Where(f => f.ObjectiveId == null && f.PersonId != null && owners.Contains(f.PersonId.Value)).ExecuteDeleteAsync(ct);
        await db.ObjectiveAlignments.Where(s => ids.Contains(s.ObjectiveId)).ExecuteDeleteAsync(ct);
        var markIds = marks.Select(m => m.Id).ToList();
        await db.AlignmentDirty.Where(d => markIds.Contains(d.Id)).ExecuteDeleteAsync(ct);
        db.AlignmentFindings.AddRange(computed.Findings);
        db.ObjectiveAlignments.AddRange(computed.States);
        await db.SaveChangesAsync(ct);
        await RebuildDepartmentCoverageAsync(now, departments, periods, ct);
        await SaveRunAsync(now, current?.FullComputedAt ?? now, computed.Affected.Count, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new AlignmentRefreshOutcome(true, false, computed.Affected.Count, computed.Findings.Count);
    }

    /// <summary>
    /// Writes a full refresh in batches of whole portfolios (an owner's objectives with the owner's findings; an objective
    /// without owner alone). A portfolio that a newer refresh rewrote meanwhile is left as that one wrote it. Then, in one
    /// last short transaction: the rows nobody rewrote (objectives deleted since), the marks this run read, the coverage.
    /// </summary>
    private async Task<AlignmentRefreshOutcome> WriteFullAsync(Computed computed, IReadOnlyList<OkrAlignmentDirty> marks, DateTimeOffset now, CancellationToken ct)
    {
        var findingsOf = computed.Findings.ToLookup(f => f.ObjectiveId is { } id ? computed.OwnerOf.GetValueOrDefault(id) is { } owner ? (object)owner : id : f.PersonId ?? Guid.Empty);
        var statesOf = computed.States.ToLookup(s => s.OwnerPersonId is { } owner ? (object)owner : s.ObjectiveId);
        var portfolios = computed.States.GroupBy(s => s.OwnerPersonId is { } owner ? (object)owner : s.ObjectiveId).Select(g => g.Key).ToList();
        var batches = new List<List<object>>();
        var size = 0;
        var batchSize = WriteBatch;
        foreach (var key in portfolios)
        {
            if (batches.Count == 0 || size >= batchSize) { batches.Add([]); size = 0; }
            batches[^1].Add(key);
            size += statesOf[key].Count();
        }

        var written = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var current = await LockRunAsync(ct);
            // From the first batch on, refreshes that started before this one write nothing (their marks stay); the full
            // time is set only at the end (a run cut short is redone).
            if (b == 0) await SaveRunAsync(Latest(current?.ComputedAt, now), current?.FullComputedAt ?? DateTimeOffset.UnixEpoch, current?.LastRefreshed ?? 0, ct);

            var keys = batches[b];
            var ids = keys.SelectMany(k => statesOf[k]).Select(s => s.ObjectiveId).ToList();
            var newer = (await db.ObjectiveAlignments.AsNoTracking().Where(s => ids.Contains(s.ObjectiveId)).Select(s => new { s.ObjectiveId, s.OwnerPersonId, s.ComputedAt }).ToListAsync(ct))
                .Where(s => s.ComputedAt > now).Select(s => s.OwnerPersonId is { } owner ? (object)owner : s.ObjectiveId).ToHashSet();
            keys = [.. keys.Where(k => !newer.Contains(k))];
            ids = [.. keys.SelectMany(k => statesOf[k]).Select(s => s.ObjectiveId)];
            var owners = keys.OfType<Guid>().Where(k => statesOf[k].Any(s => s.OwnerPersonId == k)).ToList();
            await db.AlignmentFindings.Where(f => f.ObjectiveId != null && ids.Contains(f.ObjectiveId.Value)).ExecuteDeleteAsync(ct);
            await db.AlignmentFindings.Where(f => f.ObjectiveId == null && f.PersonId != null && owners.Contains(f.PersonId.Value)).ExecuteDeleteAsync(ct);
            await db.ObjectiveAlignments.Where(s => ids.Contains(s.ObjectiveId)).ExecuteDeleteAsync(ct);
            foreach (var key in keys)
            {
                db.AlignmentFindings.AddRange(findingsOf[key]);
                db.ObjectiveAlignments.AddRange(statesOf[key]);
                written += findingsOf[key].Count();
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            // A breath between batches: a writer waiting for SQLite's write lock gets it before the next batch does.
            await Task.Delay(BatchPause, ct);
        }

        await using (var last = await db.Database.BeginTransactionAsync(ct))
        {
            var current = await LockRunAsync(ct);
            // Rows older than this run that it did not rewrite: objectives (and owners) that no longer exist.
            var staleFindings = (await db.AlignmentFindings.AsNoTracking().Select(f => new { f.Id, f.ComputedAt }).ToListAsync(ct))
                .Where(f => f.ComputedAt < now).Select(f => f.Id).ToList();
            var staleStates = (await db.ObjectiveAlignments.AsNoTracking().Select(s => new { s.ObjectiveId, s.ComputedAt }).ToListAsync(ct))
                .Where(s => s.ComputedAt < now).Select(s => s.ObjectiveId).ToList();
            foreach (var chunk in staleFindings.Chunk(DefaultWriteBatch))
                await db.AlignmentFindings.Where(f => chunk.Contains(f.Id)).ExecuteDeleteAsync(ct);
            foreach (var chunk in staleStates.Chunk(DefaultWriteBatch))
                await db.ObjectiveAlignments.Where(s => chunk.Contains(s.ObjectiveId)).ExecuteDeleteAsync(ct);
            var markIds = marks.Select(m => m.Id).ToList();
            await db.AlignmentDirty.Where(d => markIds.Contains(d.Id)).ExecuteDeleteAsync(ct);
            await RebuildDepartmentCoverageAsync(now, null, null, ct);
            await SaveRunAsync(Latest(current?.ComputedAt, now), Latest(current?.FullComputedAt, now), computed.Affected.Count, ct);
            await last.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return new AlignmentRefreshOutcome(true, true, computed.Affected.Count, written);
    }

    private static DateTimeOffset Latest(DateTimeOffset? stored, DateTimeOffset now) => stored is { } s && s > now ? s : now;

    private async Task SaveRunAsync(DateTimeOffset computedAt, DateTimeOffset fullComputedAt, int refreshed, CancellationToken ct)
    {
        await db.AlignmentRuns.ExecuteDeleteAsync(ct);
        db.AlignmentRuns.Add(new OkrAlignmentRun { ComputedAt = computedAt, FullComputedAt = fullComputedAt, LastRefreshed = refreshed });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>One refresh at a time in this process (the job and a read catching up may both want one).</summary>
internal sealed class AlignmentRefreshGate
{
    public SemaphoreSlim Semaphore { get; } = new(1, 1);
}
