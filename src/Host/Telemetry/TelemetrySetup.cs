using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scorecard.Host.Telemetry;

/// <summary>
/// Traces, metrics and logs through <c>OpenTelemetrySdk.Create</c> (the hosting package is not in
/// the registry copy here). OTLP export is on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class TelemetrySetup
{
    public const string ServiceName = "scorecard";

    public static readonly string[] Sources = ["Microsoft.AspNetCore", "Scorecard.Ai", "Scorecard"];
    public static readonly string[] Meters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Scorecard.Ai", "Scorecard"];

    public static WebApplicationBuilder AddScorecardTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var protocol = builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        var otlp = !string.IsNullOrWhiteSpace(endpoint);
        var sdk = OpenTelemetrySdk.Create(otel =>
        {
            otel.ConfigureResource(r => r.AddService(ServiceName));
            otel.WithTracing(t =>
            {
                t.AddSource(Sources);
                if (otlp) t.AddOtlpExporter(o => Otlp(o, endpoint!, protocol, "/v1/traces"));
            });
            otel.WithMetrics(m =>
            {
                m.AddMeter(Meters);
                if (otlp) m.AddOtlpExporter(o => Otlp(o, endpoint!, protocol, "/v1/metrics"));
            });
        });
        // A factory registration, so the container disposes (and so flushes) the SDK at shutdown.
        builder.Services.AddSingleton(_ => sdk);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(ServiceName));
            o.IncludeFormattedMessage = true;
            if (otlp) o.AddOtlpExporter(e => Otlp(e, endpoint!, protocol, "/v1/logs"));
        });
        return builder;
    }

    /// <summary>
    /// The endpoint comes from configuration (so the environment variable and any other source work alike);
    /// with http/protobuf the signal's path is appended, as the OTLP specification says for the base endpoint.
    /// </summary>
    private static void Otlp(OtlpExporterOptions options, string endpoint, string? protocol, string signalPath)
    {
        if (string.Equals(protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase))
        {
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
            options.Endpoint = new Uri(endpoint.TrimEnd('/') + signalPath);
        }
        else
        {
            options.Protocol = OtlpExportProtocol.Grpc;
            options.Endpoint = new Uri(endpoint);
        }
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
