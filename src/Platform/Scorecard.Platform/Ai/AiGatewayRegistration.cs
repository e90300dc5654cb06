using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Scorecard.Platform.Ai;

public static class AiGatewayRegistration
{
    /// <summary>
    /// The AI gateway (<see cref="IAiGateway"/>, scoped) configured from section <c>Ai</c>, and the
    /// <see cref="IChatClient"/> it uses (singleton; for <c>offline</c> a client that says no model is configured).
    /// Bad configuration fails at start-up (or first use) with a message naming the key to fix.
    /// Needs <see cref="Audit.IAuditLog"/>; uses <see cref="Security.ICurrentUser"/> when registered.
    /// </summary>
    public static IServiceCollection AddAiGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiOptions>, AiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton<PromptRenderer>();
        services.TryAddSingleton<AiMetrics>();
        services.TryAddSingleton<AiResilience>();
        services.TryAddSingleton<IChatClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            return options.IsOffline ? new NoLanguageModelChatClient() : OpenAIChatClientFactory.Create(options);
        });
        services.TryAddSingleton<SemanticKernelRuntime>();
        services.TryAddScoped<AiCallRecorder>();
        services.TryAddScoped<IAiGateway, AiGateway>();
        return services;
    }
}
