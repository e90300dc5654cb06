using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Modules;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Seeding;

/// <summary>
/// On first start with <c>Scorecard:Demo</c> (default) and empty strategy tables: the company scorecard
/// "Brightline 2026" and the Marketing team scorecard from seed 004, with monthly measurements from November 2025
/// up to today (at most November 2026), links with hypotheses, cascades, initiatives and strategy reviews.
/// The periods start on 2025-11-01 so the November–December 2025 baseline readings lie inside them.
/// </summary>
internal sealed class StrategySeeder : IModuleInitializer
{
    public int Order => 110;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (!sp.GetRequiredService<IConfiguration>().GetValue("Scorecard:Demo", true))
        {
            return;
        }

        var db = sp.GetRequiredService<StrategyDbContext>();
        if (await db.Scorecards.AnyAsync(cancellationToken))
        {
            return;
        }

        var directory = sp.GetRequiredService<IOrganizationDirectory>();
        var units = await directory.GetUnitsAsync(cancellationToken);
        var root = units.FirstOrDefault(u => u.ParentId is null);
        var maya = await directory.FindByEmailAsync("maya.lindqvist@brightline.example", cancellationToken);
        if (root is null || maya is null)
        {
            return; // not the demo organization
        }

        var people = new Dictionary<string, Guid>();
        foreach (var login in DemoStrategy.Logins)
        {
            if (await directory.FindByEmailAsync($"{login}@brightline.example", cancellationToken) is { } p)
            {
                people[login] = p.Id;
            }
        }

        var marketing = units.FirstOrDefault(u => u.Name == "Marketing" && u.ParentId == root.Id);
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        DemoStrategy.Build(db, root.Id, marketing?.Id, people, today);
        await db.SaveChangesAsync(cancellationToken);
        sp.GetRequiredService<ILoggerFactory>().CreateLogger("Scorecard.Seeding")
            .LogInformation("Seeded the demo strategy (company and marketing scorecards).");
    }
}
