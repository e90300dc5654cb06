using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scorecard.Host.Telemetry;

/// <summary>
/// Traces, metrics and logs through <c>AddOpenTelemetry()</c>, with the ASP.NET Core, HttpClient, EF Core and
/// Npgsql instrumentation, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (configured by the
/// standard <c>OTEL_*</c> variables: protocol, headers, per-signal endpoints). Without an endpoint nothing would read
/// them, so none is recorded: a recorded span per request and per SQL command was a measurable part of every cheap request.
/// </summary>
internal static class TelemetrySetup
{
    public const string ServiceName = "scorecard";

    public static readonly string[] Sources = ["Scorecard.Ai", "Scorecard"];
    public static readonly string[] Meters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Scorecard.Ai", "Scorecard"];

    public static WebApplicationBuilder AddScorecardTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddSource(Sources))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters))
            .WithLogging(configureBuilder: null, configureOptions: o => o.IncludeFormattedMessage = true)
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// Every request span carries its route template and status code. Set when the response starts,
    /// so a status chosen later by the exception handler is the one recorded.
    /// </summary>
    public static IApplicationBuilder UseRequestSpanTags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (System.Diagnostics.Activity.Current is { } activity)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            if (route is not null)
            {
                activity.SetTag("http.route", route);
                activity.DisplayName = $"{context.Request.Method} {route}";
            }
            activity.SetTag("http.request.method", context.Request.Method);
            context.Response.OnStarting(() =>
            {
                activity.SetTag("http.response.status_code", context.Response.StatusCode);
                return Task.CompletedTask;
            });
        }
        await next(context);
    });
}
