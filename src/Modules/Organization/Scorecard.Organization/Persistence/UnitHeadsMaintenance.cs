using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scorecard.Organization.Domain;

namespace Scorecard.Organization.Persistence;

/// <summary>What a save changes that the stored unit heads depend on: people's unit, manager or active flag, the unit tree.</summary>
internal sealed record UnitHeadChanges(IReadOnlySet<Guid> People, bool TreeChanged)
{
    public bool IsEmpty => People.Count == 0 && !TreeChanged;

    public static UnitHeadChanges Capture(ChangeTracker tracker)
    {
        var people = new HashSet<Guid>();
        foreach (var e in tracker.Entries<Person>())
        {
            if (e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && (e.Property(p => p.OrgUnitId).IsModified || e.Property(p => p.ManagerId).IsModified
                                                        || e.Property(p => p.Active).IsModified)))
                people.Add(e.Entity.Id);
        }

        var tree = tracker.Entries<OrgUnit>().Any(e => e.State == EntityState.Deleted
                                                       || (e.State == EntityState.Modified && e.Property(u => u.ParentId).IsModified));
        return new UnitHeadChanges(people, tree);
    }
}

/// <summary>
/// Keeps <see cref="UnitHead"/> rows equal to <see cref="UnitHeadship"/> of the stored people, in the transaction of the
/// write that changed them. A person's rows depend on their own unit, manager and active flag and on their manager's
/// unit: a changed person and their direct reports are recomputed; a change of the unit tree recomputes everything.
/// </summary>
internal static class UnitHeadsMaintenance
{
    /// <summary>Above this many changed people (an import, a generated organization) one pass over everyone is cheaper.</summary>
    private const int IncrementalLimit = 500;

    /// <summary>Key of the PostgreSQL advisory lock that serializes head updates (see <see cref="SerializeAsync"/>).</summary>
    private const long LockKey = 0x6f72675f68656164; // "org_head"

    public static async Task ApplyAsync(OrganizationDbContext db, UnitHeadChanges changes, CancellationToken ct)
    {
        await SerializeAsync(db, ct);
        if (changes.TreeChanged || changes.People.Count > IncrementalLimit)
        {
            await RebuildAsync(db, ct);
            return;
        }

        var ids = changes.People.ToList();
        var candidates = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id) || (p.ManagerId != null && ids.Contains(p.ManagerId.Value)))
            .Select(p => new Member(p.Id, p.OrgUnitId, p.ManagerId, p.Active)).ToListAsync(ct);
        var managerIds = candidates.Select(c => c.ManagerId).OfType<Guid>().Distinct().ToList();
        var unitOf = await db.People.AsNoTracking().Where(p => managerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.OrgUnitId, ct);
        var affected = candidates.Select(c => c.Id).Concat(ids).Distinct().ToList();
        var stored = await db.UnitHeads.Where(h => affected.Contains(h.PersonId)).ToListAsync(ct);
        await ReplaceAsync(db, stored, Compute(candidates, unitOf, await ParentsAsync(db, ct)), ct);
    }

    /// <summary>Recomputes every stored head (a unit moved or deleted, a bulk write, a database from before the table).</summary>
    public static async Task RebuildAsync(OrganizationDbContext db, CancellationToken ct)
    {
        var everyone = await db.People.AsNoTracking().Select(p => new Member(p.Id, p.OrgUnitId, p.ManagerId, p.Active)).ToListAsync(ct);
        var unitOf = everyone.ToDictionary(p => p.Id, p => p.UnitId);
        var stored = await db.UnitHeads.ToListAsync(ct);
        await ReplaceAsync(db, stored, Compute(everyone, unitOf, await ParentsAsync(db, ct)), ct);
    }

    private static async Task<Dictionary<Guid, Guid?>> ParentsAsync(OrganizationDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);

    private static HashSet<(Guid UnitId, Guid PersonId)> Compute(
        IEnumerable<Member> people, IReadOnlyDictionary<Guid, Guid> unitOf, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        var rows = new HashSet<(Guid, Guid)>();
        foreach (var p in people)
        {
            Guid? managerUnit = p.ManagerId is { } m && unitOf.TryGetValue(m, out var u) ? u : null;
            foreach (var unit in UnitHeadship.UnitsHeadedBy(p.Active, p.UnitId, managerUnit, parentOf)) rows.Add((unit, p.Id));
        }
        return rows;
    }

    private static async Task ReplaceAsync(
        OrganizationDbContext db, IReadOnlyList<UnitHead> stored, HashSet<(Guid UnitId, Guid PersonId)> wanted, CancellationToken ct)
    {
        var kept = new HashSet<(Guid, Guid)>();
        foreach (var row in stored)
            if (!wanted.Contains((row.UnitId, row.PersonId))) db.UnitHeads.Remove(row);
            else kept.Add((row.UnitId, row.PersonId));
        foreach (var (unitId, personId) in wanted)
            if (!kept.Contains((unitId, personId))) db.UnitHeads.Add(new UnitHead { UnitId = unitId, PersonId = personId });
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Two transactions changing people at once each read the other's rows as they were; on PostgreSQL they take turns
    /// here (until commit), so the second recomputes with what the first wrote. SQLite allows one writer anyway.
    /// </summary>
    public static async Task SerializeAsync(OrganizationDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
    }

    private sealed record Member(Guid Id, Guid UnitId, Guid? ManagerId, bool Active);
}
