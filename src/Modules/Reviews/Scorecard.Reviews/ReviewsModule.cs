using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Scorecard.Reviews;

/// <summary>Registered and empty: the Reviews issue fills this module.</summary>
public static class ReviewsModule
{
    public static IServiceCollection AddReviewsModule(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapReviewsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
