using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Events;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Tests.Persistence;

/// <summary>A change, its audit record and its events: committed together, events only after the commit.</summary>
public sealed class UnitOfWorkTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("uow");
    private ServiceProvider _services = null!;
    private readonly List<(string Subject, long CommittedRowsSeenByOthers)> _handled = [];

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Scorecard"] = _database.ConnectionString }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddModuleDbContext<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(configuration, PlatformTables.Prefix);
        services.AddScoped<IAuditLog, EfAuditLog>();
        services.AddScoped<IEventBus, InProcessEventBus>();
        services.AddSingleton<IIntegrationEventHandler<Saved>>(new Recorder(this));
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.MigrateAsync();
    }

    [Fact]
    public async Task The_audit_record_commits_with_the_work_and_the_event_is_handled_after_the_commit()
    {
        await using var scope = _services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await work.RunAsync(async () =>
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry("test.saved", "thing", "1", null));
            await scope.ServiceProvider.GetRequiredService<IEventBus>().PublishAsync(new Saved("1"));
            Assert.Empty(_handled);   // not yet: the transaction is open
        });
        // The handler ran after the commit: another connection already saw the audit row.
        Assert.Equal([("1", 1L)], _handled);
    }

    [Fact]
    public async Task Work_that_fails_leaves_no_audit_record_and_publishes_nothing()
    {
        await using var scope = _services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => work.RunAsync(async () =>
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry("test.saved", "thing", "2", null));
            await scope.ServiceProvider.GetRequiredService<IEventBus>().PublishAsync(new Saved("2"));
            throw new InvalidOperationException("the change is refused after its audit record was written");
        }));
        Assert.Equal(0, _database.Count("SELECT count(*) FROM platform_audit_log WHERE \"SubjectId\" = '2'"));
        Assert.Empty(_handled);

        // The scope stays usable: a later write outside the unit of work commits on its own.
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry("test.saved", "thing", "3", null));
        Assert.Equal(1, _database.Count("SELECT count(*) FROM platform_audit_log WHERE \"SubjectId\" = '3'"));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed record Saved(string Subject) : IIntegrationEvent
    {
        public DateTimeOffset OccurredAt { get; } = DateTimeOffset.UtcNow;
    }

    private sealed class Recorder(UnitOfWorkTests test) : IIntegrationEventHandler<Saved>
    {
        public Task HandleAsync(Saved integrationEvent, CancellationToken cancellationToken)
        {
            test._handled.Add((integrationEvent.Subject,
                test._database.Count($"SELECT count(*) FROM platform_audit_log WHERE \"SubjectId\" = '{integrationEvent.Subject}'")));
            return Task.CompletedTask;
        }
    }
}
