using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Seeding;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Modules;

namespace Scorecard.Okr.Tests.Application;

public sealed class SeederTests
{
    private static readonly string[] UnitPaths =
    [
        "Brightline", "Brightline/Engineering", "Brightline/Engineering/Platform", "Brightline/Engineering/Product Engineering",
        "Brightline/Sales", "Brightline/Sales/Enterprise Sales", "Brightline/Sales/Mid-Market Sales", "Brightline/Customer Success",
        "Brightline/Customer Success/Support", "Brightline/Customer Success/Customer Success Management", "Brightline/People", "Brightline/Marketing",
    ];

    /// <summary>A directory that knows the demo units and answers every demo e-mail with a person.</summary>
    private static IOrganizationDirectory DemoDirectory()
    {
        var units = new Dictionary<string, OrgUnitSummary>();
        foreach (var path in UnitPaths)
        {
            var slash = path.LastIndexOf('/');
            units[path] = new OrgUnitSummary(Guid.NewGuid(), slash < 0 ? path : path[(slash + 1)..], slash < 0 ? null : units[path[..slash]].Id);
        }
        var people = new Dictionary<string, PersonSummary>();
        var directory = Substitute.For<IOrganizationDirectory>();
        directory.GetUnitsAsync(Arg.Any<CancellationToken>()).Returns(units.Values.ToList());
        directory.FindByEmailAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            var email = ci.Arg<string>();
            if (!people.TryGetValue(email, out var p))
                people[email] = p = new PersonSummary(Guid.NewGuid(), email, email, null, units["Brightline"].Id, null, new DateOnly(2020, 1, 1), true);
            return p;
        });
        return directory;
    }

    [Fact]
    public async Task Without_scorecard_objectives_the_demo_is_seeded_without_that_link_once_at_order_120()
    {
        await using var h = await OkrHarness.CreateAsync(s => s.AddSingleton(DemoDirectory()), new Dictionary<string, string?> { ["Scorecard:Demo"] = "true" });
        var seeder = h.Services.GetServices<IModuleInitializer>().OfType<OkrSeeder>().Single();
        Assert.Equal(120, seeder.Order);

        await seeder.InitializeAsync(h.Services, default);
        await seeder.InitializeAsync(h.Services, default);   // a second start changes nothing

        await using var scope = h.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        var company = await db.Objectives.Include(o => o.Parents).Include(o => o.KeyResults)
            .SingleAsync(o => o.Title == DemoOkrs.CustomerObjective);
        Assert.Equal(("company", "2026-Q4"), (company.Level, company.Period));
        Assert.DoesNotContain(company.Parents, p => p.StrategyObjectiveId is not null);
        Assert.Equal(3, company.KeyResults.Count);
        Assert.Equal(1, await db.Objectives.CountAsync(o => o.Title == DemoOkrs.CustomerObjective));
        // Check-ins run up to "today" (2026-11-15 on the harness clock), never beyond.
        Assert.True(await db.CheckIns.AnyAsync(c => c.Date > new DateOnly(2026, 11, 1)));
        Assert.False(await db.CheckIns.AnyAsync(c => c.Date > new DateOnly(2026, 11, 15)));
        Assert.True(await db.Objectives.AnyAsync(o => o.Period == "2026-Q1" && o.Level == "individual"));
    }

    [Fact]
    public async Task Nothing_is_seeded_when_the_demo_is_off()
    {
        await using var h = await OkrHarness.CreateAsync(s => s.AddSingleton(DemoDirectory()));
        await h.Services.GetServices<IModuleInitializer>().OfType<OkrSeeder>().Single().InitializeAsync(h.Services, default);
        await using var scope = h.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<OkrDbContext>().Objectives.AnyAsync());
    }
}
