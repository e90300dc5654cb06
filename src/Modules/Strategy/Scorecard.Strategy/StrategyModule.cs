using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Persistence;
using Scorecard.Platform.Modules;
using Scorecard.Strategy.Application;
using Scorecard.Strategy.Contracts;
using Scorecard.Strategy.Persistence;
using Scorecard.Strategy.Seeding;

namespace Scorecard.Strategy;

/// <summary>Balanced scorecards, strategy maps, KPIs, initiatives, cascading and strategy reviews.</summary>
public static class StrategyModule
{
    public static IServiceCollection AddStrategyModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<StrategyDbContext, StrategySqliteDbContext, StrategyPostgresDbContext>(configuration, StrategyTables.Prefix, StrategyTables.LegacyMigrations);
        services.AddScoped<StrategyAccess>();
        services.AddScoped<StrategyQueries>();
        services.AddSingleton<ScorecardTreeCache>();
        services.AddScoped<StrategyCommands>();
        services.AddScoped<ScorecardCopier>();
        services.AddScoped<MeasurementCorrections>();
        services.AddScoped<StructureEdits>();
        services.AddScoped<BuilderReads>();
        services.AddScoped<StrategyReader>();
        services.AddScoped<Scorecard.Platform.Todos.ITodoSource, KpiTodos>();
        services.AddScoped<Scorecard.Platform.Todos.ISetupProgress, StrategySetupProgress>();
        services.AddScoped<IStrategyReader>(sp => sp.GetRequiredService<StrategyReader>());
        services.AddScoped<KpiReminders>();
        services.AddHostedService<KpiReminderService>();
        services.AddSingleton<IModuleInitializer, StrategySeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapStrategyModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
