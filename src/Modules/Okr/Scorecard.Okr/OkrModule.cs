using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Scorecard.Okr;

/// <summary>Registered and empty: the Okr issue fills this module.</summary>
public static class OkrModule
{
    public static IServiceCollection AddOkrModule(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapOkrModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
