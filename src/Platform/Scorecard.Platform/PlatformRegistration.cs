using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Events;
using Scorecard.Platform.Modules;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Security;
using Scorecard.Platform.Web;

namespace Scorecard.Platform;

public static class PlatformRegistration
{
    /// <summary>Health checks with this tag answer <c>/health/ready</c>; <c>/health</c> (liveness) runs none.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The shared kernel: clock, event bus, audit log and its tables.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IEventBus, InProcessEventBus>();
        // Keys in the shared database under one application name: cookies, bearer tokens and form tokens
        // made by one instance are read by every other, and survive restarts.
        services.AddDataProtection().SetApplicationName("Scorecard").PersistKeysToDbContext<PlatformDbContext>();
        services.AddSingleton<IModuleInitializer, DataProtectionKeyInitializer>();
        services.Configure<MvcOptions>(o =>
        {
            // Instances, not types: a type filter is built through DI on every request.
            o.Filters.Add(new MalformedArgumentsFilter());
            o.Filters.Add(new TransactionPerRequestFilter());
        });
        services.AddModuleDbContext<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(configuration, PlatformTables.Prefix, PlatformTables.LegacyMigrations);
        services.AddScoped<IAuditLog, EfAuditLog>();
        services.AddScoped<AiAuditRetention>();
        services.AddScoped<Inbox.IInbox, Inbox.EfInbox>();
        Ai.AiGatewayRegistration.AddAiGateway(services, configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ScorecardExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }
}
