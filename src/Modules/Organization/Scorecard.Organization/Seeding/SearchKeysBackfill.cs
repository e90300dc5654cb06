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
}
