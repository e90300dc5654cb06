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

    [Theory]
    [InlineData(422, false, 0)]   // a page caught a refusal and shows the form again: what it saved before is rolled back
    [InlineData(422, true, 1)]    // a failed sign-in keeps its record (it counts toward the lockout)
    [InlineData(200, false, 1)]
    public async Task A_write_request_answering_an_error_rolls_back_what_it_saved_unless_it_keeps_refusals(int status, bool keeps, long kept)
    {
        await using var scope = _services.CreateAsyncScope();
        var filter = new Scorecard.Platform.Web.TransactionPerRequestFilter(scope.ServiceProvider.GetRequiredService<UnitOfWork>());
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "POST";
        var descriptor = new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor
        {
            EndpointMetadata = keeps ? [new Scorecard.Platform.Web.KeepsWritesOnRefusalAttribute()] : [],
        };
        var action = new Microsoft.AspNetCore.Mvc.ActionContext(http, new Microsoft.AspNetCore.Routing.RouteData(), descriptor);
        var subject = $"refusal-{status}-{keeps}";
        var executing = new Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext(action, [], new Dictionary<string, object?>(), new object());
        await filter.OnActionExecutionAsync(executing, async () =>
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry("test.saved", "thing", subject, null));
            http.Response.StatusCode = status;
            return new Microsoft.AspNetCore.Mvc.Filters.ActionExecutedContext(action, [], new object())
            {
                Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(status),
            };
        });
        Assert.Equal(kept, _database.Count($"SELECT count(*) FROM platform_audit_log WHERE \"SubjectId\" = '{subject}'"));
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
