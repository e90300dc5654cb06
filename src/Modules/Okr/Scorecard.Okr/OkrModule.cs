using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scorecard.Okr.Application;
using Scorecard.Okr.Contracts;
using Scorecard.Okr.Domain;
using Scorecard.Okr.Persistence;
using Scorecard.Okr.Seeding;
using Scorecard.Platform.Events;
using Scorecard.Platform.Modules;
using Scorecard.Platform.Persistence;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr;

/// <summary>Company-to-individual OKRs, check-ins, and alignment analysis.</summary>
public static class OkrModule
{
    public static IServiceCollection AddOkrModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<OkrDbContext, OkrSqliteDbContext, OkrPostgresDbContext>(configuration, OkrTables.Prefix, OkrTables.LegacyMigrations);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IStrategyReader, NoStrategyReader>();
        services.AddScoped<ITextSimilarity>(SimilarityFactory.Create);
        services.AddScoped<OkrAccess>();
        services.AddScoped<OkrNames>();
        services.AddScoped<ProgressUpdater>();
        services.AddScoped<ObjectivesService>();
        services.AddScoped<CarryForwardService>();
        services.AddScoped<ParentCandidates>();
        services.AddScoped<Scorecard.Platform.Todos.ITodoSource, CheckInTodos>();
        services.AddScoped<AlignmentService>();
        services.AddScoped<Application.Alignment.StoredAlignmentReader>();
        services.AddScoped<Application.Alignment.AlignmentFreshness>();
        services.AddScoped<Application.Alignment.AlignmentRefresher>();
        services.AddSingleton<Application.Alignment.AlignmentRefreshGate>();
        services.AddHostedService<Application.Alignment.AlignmentRefreshJob>();
        services.AddScoped<ExplainAndSuggestService>();
        services.AddScoped<OkrReader>();
        services.AddScoped<IOkrReader>(sp => sp.GetRequiredService<OkrReader>());
        services.AddScoped<IIntegrationEventHandler<KpiMeasurementRecorded>, KpiMeasurementRecordedHandler>();
        services.AddSingleton<IModuleInitializer, OkrSeeder>();
        services.AddSingleton<IModuleInitializer, ProgressBackfill>();
        return services;
    }

    public static IEndpointRouteBuilder MapOkrModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
