using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Scorecard.Strategy;

/// <summary>Registered and empty: the Strategy issue fills this module.</summary>
public static class StrategyModule
{
    public static IServiceCollection AddStrategyModule(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapStrategyModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
