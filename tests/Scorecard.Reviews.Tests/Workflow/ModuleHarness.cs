using Microsoft.Extensions.Configuration;
using Scorecard.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Scorecard.Okr.Contracts;
using Scorecard.Organization.Contracts;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Inbox;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Security;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Reviews.Tests.Workflow;

/// <summary>
/// The module's services on a real SQLite file in a temp dir; the neighbours (organization, OKR,
/// strategy) are NSubstitute stand-ins for their contracts.
/// </summary>
internal sealed class ModuleHarness : IAsyncDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create("reviews");

    public IOrganizationDirectory Directory { get; } = Substitute.For<IOrganizationDirectory>();
    public IOkrReader Okr { get; } = Substitute.For<IOkrReader>();
    public IStrategyReader Strategy { get; } = Substitute.For<IStrategyReader>();
    public ICurrentUser User { get; } = Substitute.For<ICurrentUser>();
    public FakeInbox Inbox { get; } = new();
    public ServiceProvider Services { get; }

    public ModuleHarness(bool withOkr = true, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Scorecard"] = _database.ConnectionString }).Build();
        services.AddModuleDbContext<ReviewsDbContext, ReviewsSqliteDbContext, ReviewsPostgresDbContext>(configuration, ReviewsTables.Prefix);
        services.AddSingleton(Directory);
        if (withOkr) services.AddSingleton(Okr);
        services.AddSingleton(Strategy);
        services.AddSingleton(User);
        services.AddSingleton<IInbox>(Inbox);
        services.AddSingleton(Substitute.For<IAuditLog>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddScoped<ReviewAccess>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<ReviewsService>();
        services.AddScoped<CyclesService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<ReviewReminders>();
        extra?.Invoke(services);
        Services = services.BuildServiceProvider();
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ReviewsDbContext>().Database.Migrate();
        Directory.GetPeopleAsync(Arg.Any<IEnumerable<Guid>>(), Arg.Any<CancellationToken>())
            .Returns(ci => ((IEnumerable<Guid>)ci[0]).Distinct().Select(Person).ToList());
    }

    public static PersonSummary Person(Guid id) => new(id, $"Person {id.ToString()[..4]}", $"{id:N}@example.test", "Engineer", Guid.Empty, null, new DateOnly(2020, 1, 1), true);

    public T Get<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>An inbox that de-duplicates on the key, as the real one does.</summary>
    internal sealed class FakeInbox : IInbox
    {
        public List<(Guid Person, string Key, string Text)> Sent { get; } = [];

        public Task<bool> NotifyAsync(Guid personId, string dedupKey, string text, string? link = null, CancellationToken cancellationToken = default)
        {
            if (Sent.Any(s => s.Person == personId && s.Key == dedupKey)) return Task.FromResult(false);
            Sent.Add((personId, dedupKey, text));
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<Notification>> ForPersonAsync(Guid personId, bool unreadOnly = false, int limit = 100, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Notification>>([]);

        public Task MarkReadAsync(Guid personId, Guid notificationId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
