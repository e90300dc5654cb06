using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Organization.Persistence;
using Scorecard.Platform.Modules;

namespace Scorecard.Organization.Seeding;

/// <summary>
/// Fills the stored unit heads of a database upgraded from a release without them (people but no head stored).
/// Runs after the migrations; afterwards every write keeps them (<see cref="UnitHeadsMaintenance"/>).
/// </summary>
internal sealed class UnitHeadsBackfill : IModuleInitializer
{
    public int Order => 6;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        if (await db.UnitHeads.AnyAsync(cancellationToken) || !await db.People.AnyAsync(p => p.Active, cancellationToken)) return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await UnitHeadsMaintenance.SerializeAsync(db, cancellationToken); // several instances may start at once
        if (await db.UnitHeads.AnyAsync(cancellationToken)) return;
        await UnitHeadsMaintenance.RebuildAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
