using Scorecard.Okr;
using Scorecard.Organization;
using Scorecard.Platform;
using Scorecard.Reviews;
using Scorecard.Strategy;

namespace Scorecard.Host;

/// <summary>The one place that composes the modules.</summary>
internal static class ModulesRegistry
{
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatform(configuration);
        services.AddOrganizationModule(configuration);
        services.AddStrategyModule(configuration);
        services.AddOkrModule(configuration);
        services.AddReviewsModule(configuration);
        return services;
    }

    public static IMvcBuilder AddModuleParts(this IMvcBuilder mvc) => mvc
        .AddApplicationPart(typeof(OrganizationModule).Assembly)
        .AddApplicationPart(typeof(StrategyModule).Assembly)
        .AddApplicationPart(typeof(OkrModule).Assembly)
        .AddApplicationPart(typeof(ReviewsModule).Assembly);

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOrganizationModule();
        endpoints.MapStrategyModule();
        endpoints.MapOkrModule();
        endpoints.MapReviewsModule();
        return endpoints;
    }
}
