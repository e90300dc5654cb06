using Scorecard.Testing;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Scorecard.Okr.Persistence;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Ai;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Events;
using Scorecard.Platform.Security;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Tests.Application;

/// <summary>
/// The OKR module as the host registers it, on a real SQLite file in a temp dir, with a small in-memory organization,
/// a substitute for the Strategy contract (a neighbour module), a recording event bus and audit log, and a fixed clock.
/// </summary>
internal sealed class OkrHarness : IAsyncDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create("okr");

    private OkrHarness()
    {
    }

    public ServiceProvider Services { get; private set; } = null!;
    public FakeDirectory Org { get; } = new();
    public TestUser User { get; } = new();
    public IStrategyReader Strategy { get; } = Substitute.For<IStrategyReader>();
    public RecordingAudit Audit { get; } = new();
    public IEventBus Events { get; } = Substitute.For<IEventBus>();
    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero));

    public static async Task<OkrHarness> CreateAsync(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var h = new OkrHarness();
        h.Strategy.ListObjectivesAsync(Arg.Any<DateOnly?>(), Arg.Any<CancellationToken>()).Returns([]);
        h.Strategy.GetCompanyPerspectiveWeightsAsync(Arg.Any<DateOnly>(), Arg.Any<CancellationToken>()).Returns([]);
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Scorecard"] = h._database.ConnectionString,
            ["Scorecard:Demo"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(h.Clock);
        services.AddSingleton<ICurrentUser>(h.User);
        services.AddSingleton<IOrganizationDirectory>(h.Org);
        services.AddSingleton(h.Strategy);
        services.AddSingleton<IAuditLog>(h.Audit);
        services.AddSingleton(h.Events);
        services.AddAiGateway(configuration);
        services.AddOkrModule(configuration);
        configure?.Invoke(services);
        h.Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = h.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OkrDbContext>().Database.MigrateAsync();
        return h;
    }

    /// <summary>Runs <paramref name="action"/> in a fresh scope (one "request") as <paramref name="person"/>.</summary>
    public async Task<T> AsAsync<T>(Guid person, Func<IServiceProvider, Task<T>> action, params string[] roles)
    {
        User.Set(person, roles);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task AsAsync(Guid person, Func<IServiceProvider, Task> action, params string[] roles) =>
        AsAsync(person, async sp => { await action(sp); return 0; }, roles);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

internal sealed class TestUser : ICurrentUser
{
    private HashSet<string> _roles = [];

    public bool IsAuthenticated => PersonId is not null;
    public Guid? PersonId { get; private set; }
    public string? Email => null;

    public void Set(Guid person, IEnumerable<string> roles)
    {
        PersonId = person;
        _roles = [.. roles];
    }

    public bool IsInRole(string role) => _roles.Contains(role);
}

internal sealed class RecordingAudit : IAuditLog
{
    public ConcurrentQueue<AuditEntry> Entries { get; } = new();

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAsync(string? subjectType = null, string? subjectId = null, string? action = null, int limit = 100, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>([]);
}

/// <summary>
/// A tiny organization: Company (CEO, admin) → Sales (VP) → Team (manager M with reports A and B); HR in People.
/// </summary>
internal sealed class FakeDirectory : IOrganizationDirectory
{
    public static readonly Guid Company = Guid.NewGuid(), Sales = Guid.NewGuid(), Team = Guid.NewGuid(), People = Guid.NewGuid();
    public readonly PersonSummary Ceo, Vp, Manager, A, B, Hr, Outsider;

    private readonly List<OrgUnitSummary> _units;
    private readonly List<PersonSummary> _people;

    public FakeDirectory()
    {
        _units = [new(Company, "Acme", null), new(Sales, "Sales", Company), new(Team, "Field Team", Sales), new(People, "People", Company)];
        Ceo = P("Cee Oh", Company, null);
        Vp = P("Vee Pee", Sales, Ceo.Id);
        Manager = P("Mana Ger", Team, Vp.Id);
        A = P("Anna Able", Team, Manager.Id);
        B = P("Bert Baker", Team, Manager.Id);
        Hr = P("Hilde Rhodes", People, Ceo.Id);
        Outsider = P("Otto Side", People, Hr.Id);
        _people = [Ceo, Vp, Manager, A, B, Hr, Outsider];
    }

    private static PersonSummary P(string name, Guid unit, Guid? manager) =>
        new(Guid.NewGuid(), name, name.ToLowerInvariant().Replace(' ', '.') + "@acme.example", "Role", unit, manager, new DateOnly(2020, 1, 1), true);

    public Task<PersonSummary?> GetPersonAsync(Guid personId, CancellationToken cancellationToken = default) => Task.FromResult(_people.FirstOrDefault(p => p.Id == personId));

    public Task<IReadOnlyList<PersonSummary>> GetPeopleAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonSummary>>([.. _people.Where(p => personIds.Contains(p.Id))]);

    public Task<PersonSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) => Task.FromResult(_people.FirstOrDefault(p => p.Email == email));

    public Task<OrgUnitSummary?> GetUnitAsync(Guid unitId, CancellationToken cancellationToken = default) => Task.FromResult(_units.FirstOrDefault(u => u.Id == unitId));

    public Task<IReadOnlyList<OrgUnitSummary>> GetUnitsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<OrgUnitSummary>>(_units);

    public Task<IReadOnlyList<PersonSummary>> GetManagerChainAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var chain = new List<PersonSummary>();
        for (var p = _people.First(x => x.Id == personId); p.ManagerId is { } m; p = _people.First(x => x.Id == m)) chain.Add(_people.First(x => x.Id == m));
        return Task.FromResult<IReadOnlyList<PersonSummary>>(chain);
    }

    public Task<IReadOnlyList<PersonSummary>> GetDirectReportsAsync(Guid managerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonSummary>>([.. _people.Where(p => p.ManagerId == managerId)]);

    public async Task<IReadOnlyList<PersonSummary>> GetAllReportsAsync(Guid managerId, CancellationToken cancellationToken = default)
    {
        var result = new List<PersonSummary>();
        foreach (var p in _people)
            if ((await GetManagerChainAsync(p.Id, cancellationToken)).Any(m => m.Id == managerId)) result.Add(p);
        return result;
    }

    public async Task<IReadOnlyList<PersonSummary>> GetUnitHeadsAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken = default)
    {
        var members = await GetPeopleInUnitAsync(unitId, includeSubUnits, cancellationToken);
        var ids = members.Select(m => m.Id).ToHashSet();
        return members.Where(m => m.Active && (m.ManagerId is not { } manager || !ids.Contains(manager))).OrderBy(m => m.HireDate).ToList();
    }

    public Task<IReadOnlyList<PersonSummary>> GetPeopleInUnitAsync(Guid unitId, bool includeSubUnits, CancellationToken cancellationToken = default)
    {
        var units = new HashSet<Guid> { unitId };
        if (includeSubUnits)
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var u in _units) if (u.ParentId is { } parent && units.Contains(parent) && units.Add(u.Id)) changed = true;
            }
        return Task.FromResult<IReadOnlyList<PersonSummary>>([.. _people.Where(p => units.Contains(p.OrgUnitId))]);
    }

    public async Task<bool> IsInManagerChainAsync(Guid managerId, Guid personId, CancellationToken cancellationToken = default) =>
        (await GetManagerChainAsync(personId, cancellationToken)).Any(m => m.Id == managerId);
}
