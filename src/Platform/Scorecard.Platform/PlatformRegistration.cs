using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scorecard.Platform.Audit;
using Scorecard.Platform.Events;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Security;
using Scorecard.Platform.Web;

namespace Scorecard.Platform;

public static class PlatformRegistration
{
    /// <summary>The shared kernel: clock, event bus, audit log and its tables.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IEventBus, InProcessEventBus>();
        services.AddModuleDbContext<PlatformDbContext>(configuration, "platform_");
        services.AddScoped<IAuditLog, EfAuditLog>();
        services.AddScoped<AiAuditRetention>();
        services.AddScoped<Inbox.IInbox, Inbox.EfInbox>();
        Ai.AiGatewayRegistration.AddAiGateway(services, configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ScorecardExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
