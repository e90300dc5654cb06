using Scorecard.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Scorecard.Organization.Contracts;
using Scorecard.Platform;
using Scorecard.Platform.Events;
using Scorecard.Platform.Modules;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Strategy.Tests.Application;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

internal sealed class TestUser : ICurrentUser
{
    public Guid? PersonId { get; set; }
    public bool Admin { get; set; }
    public bool IsAuthenticated => true;
    public string? Email => null;
    public bool IsInRole(string role) => Admin && role == Roles.Admin;
}

internal sealed class RecordedEvents : IIntegrationEventHandler<KpiMeasurementRecorded>
{
    public List<KpiMeasurementRecorded> Events { get; } = [];

    public Task HandleAsync(KpiMeasurementRecorded integrationEvent, CancellationToken cancellationToken)
    {
        Events.Add(integrationEvent);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The Strategy module with Platform on a real SQLite file; the Organization contract (a neighbour module) is
/// substituted: a root unit "Brightline", a "Marketing" unit, and people named here.
/// </summary>
internal sealed class StrategyModuleFixture : IAsyncDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create("strategy");

    public StrategyModuleFixture(DateOnly today)
    {
        Clock = new FixedClock(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Scorecard"] = _database.ConnectionString,
            ["Scorecard:Demo"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPlatform(configuration);
        services.AddStrategyModule(configuration);
        services.AddSingleton<ICurrentUser>(User);
        services.AddSingleton(Directory);
        services.AddSingleton(Recorded);
        services.AddSingleton<IIntegrationEventHandler<KpiMeasurementRecorded>>(Recorded);

        var root = new OrgUnitSummary(RootUnit, "Brightline", null);
        var marketing = new OrgUnitSummary(MarketingUnit, "Marketing", RootUnit);
        Directory.GetUnitsAsync(Arg.Any<CancellationToken>()).Returns([root, marketing]);
        Directory.GetPersonAsync(Arg.Any<Guid>(), Arg.Any<CancellationToken>())
            .Returns(ci => People.Values.FirstOrDefault(p => p.Id == ci.Arg<Guid>()));
        Directory.GetPeopleAsync(Arg.Any<IEnumerable<Guid>>(), Arg.Any<CancellationToken>())
            .Returns(ci => (IReadOnlyList<PersonSummary>)People.Values.Where(p => ci.Arg<IEnumerable<Guid>>().Contains(p.Id)).ToList());
        Directory.GetPeopleInUnitAsync(MarketingUnit, Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(ci => (IReadOnlyList<PersonSummary>)People.Values.Where(p => p.OrgUnitId == MarketingUnit).ToList());
        Directory.GetUnitHeadsAsync(MarketingUnit, Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                var members = People.Values.Where(p => p.OrgUnitId == MarketingUnit).ToList();
                var ids = members.Select(m => m.Id).ToHashSet();
                return (IReadOnlyList<PersonSummary>)members.Where(m => m.Active && (m.ManagerId is not { } manager || !ids.Contains(manager))).ToList();
            });
        Directory.IsInManagerChainAsync(Arg.Any<Guid>(), Arg.Any<Guid>(), Arg.Any<CancellationToken>()).Returns(false);
        Provider = services.BuildServiceProvider();
    }

    public static readonly Guid RootUnit = Guid.NewGuid();
    public static readonly Guid MarketingUnit = Guid.NewGuid();

    public Dictionary<string, PersonSummary> People { get; } = new[]
    {
        ("maya.lindqvist", RootUnit, (string?)null),
        ("henrik.larsen", RootUnit, "maya.lindqvist"),
        ("elena.petrova", RootUnit, "maya.lindqvist"),
        ("ben.harris", RootUnit, "elena.petrova"),
        ("isabel.santos", RootUnit, "elena.petrova"),
        ("jonas.berg", RootUnit, "maya.lindqvist"),
        ("nora.hansen", RootUnit, "maya.lindqvist"),
        ("priya.raman", RootUnit, "maya.lindqvist"),
        ("julia.fischer", MarketingUnit, "maya.lindqvist"),
        ("leo.moreau", MarketingUnit, "julia.fischer"),
        ("ava.thompson", MarketingUnit, "julia.fischer"),
        ("raj.patel", MarketingUnit, "julia.fischer"),
    }.Aggregate(new Dictionary<string, PersonSummary>(), (d, p) =>
    {
        d[p.Item1] = new PersonSummary(Guid.NewGuid(), p.Item1, $"{p.Item1}@brightline.example", null, p.Item2,
            p.Item3 is null ? null : d[p.Item3].Id, new DateOnly(2020, 1, 1), true);
        return d;
    });

    public FixedClock Clock { get; }
    public TestUser User { get; } = new();
    public IOrganizationDirectory Directory { get; } = Substitute.For<IOrganizationDirectory>();
    public RecordedEvents Recorded { get; } = new();
    public ServiceProvider Provider { get; }

    public Guid Id(string login) => People[login].Id;

    public async Task InitializeAsync() => await Provider.InitializeModulesAsync();

    public void ActAs(string login, bool admin = false)
    {
        User.PersonId = Id(login);
        User.Admin = admin;
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await _database.DisposeAsync();
    }
}
