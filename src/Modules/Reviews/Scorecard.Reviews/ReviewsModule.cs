using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Modules;
using Scorecard.Platform.Persistence;
using Scorecard.Reviews.Application;
using Scorecard.Reviews.Application.Drafting;
using Scorecard.Reviews.Persistence;
using Scorecard.Reviews.Seeding;

namespace Scorecard.Reviews;

/// <summary>Review cycles run by HR, continuous feedback, self/peer/manager reviews, calibration and sign-off.</summary>
public static class ReviewsModule
{
    public static IServiceCollection AddReviewsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ReviewsDbContext, ReviewsSqliteDbContext, ReviewsPostgresDbContext>(configuration, ReviewsTables.Prefix, ReviewsTables.LegacyMigrations);
        services.AddScoped<ReviewAccess>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<ReviewsService>();
        services.AddScoped<CyclesService>();
        services.AddScoped<TemplatesService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<Scorecard.Platform.Todos.ITodoSource, ReviewTodos>();
        services.AddScoped<Scorecard.Platform.Todos.ISetupProgress, ReviewSetupProgress>();
        services.AddScoped<ReviewReminders>();
        services.AddBiasAnalysis(configuration);
        services.AddReviewDrafting();
        services.AddSingleton<IModuleInitializer, ReviewsSeeder>();
        if (configuration.GetValue("Scorecard:Reviews:Reminders", true))
            services.AddHostedService<ReviewRemindersJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapReviewsModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
