using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Modules;

namespace Scorecard.Organization.Seeding;

/// <summary>
/// Fills the folded search and sort keys of people stored before those columns existed (a database
/// upgraded from an earlier release). Runs after the migrations; does nothing once every key is filled.
/// </summary>
internal sealed class SearchKeysBackfill : IModuleInitializer
{
    public int Order => 5;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        await BackfillUnitKeysAsync(db, cancellationToken);
        while (true)
        {
            var batch = await db.People.Where(p => p.NameKey == "" && p.Name != "").Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0) return;
            db.ChangeTracker.DetectChanges();
            foreach (var person in batch) db.Entry(person).State = EntityState.Modified;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Units migrated with a placeholder key (<c>~</c> and the id) get their folded name. A unit whose folded name
    /// a sibling already holds (names that differed only in accents) keeps its placeholder until it is renamed.
    /// </summary>
    private static async Task BackfillUnitKeysAsync(OrganizationDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units.ToListAsync(cancellationToken);
        var pending = units.Where(u => u.NameKey.StartsWith('~')).ToList();
        if (pending.Count == 0) return;
        var taken = units.Where(u => !u.NameKey.StartsWith('~')).Select(u => (u.ParentKey, u.NameKey)).ToHashSet();
        foreach (var unit in pending)
        {
            if (!taken.Add((unit.ParentId ?? Domain.OrgUnit.RootParentKey, Domain.OrgUnit.KeyOf(unit.Name)))) continue;
            db.Entry(unit).State = EntityState.Modified;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
