using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Scorecard.Reviews.Application.Bias;

namespace Scorecard.Reviews.Application;

internal static class BiasRegistration
{
    /// <summary>The bias checks (review check and dismissals, language nudge, rater analysis, disparity, explanations).</summary>
    public static IServiceCollection AddBiasAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<BiasExplanationCache>();
        services.AddScoped<BiasExplainer>();
        services.AddScoped<BiasService>();
        return services;
    }
}
