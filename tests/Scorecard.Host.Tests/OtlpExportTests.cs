using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Scorecard.Host.Tests;

/// <summary>A real OTLP/HTTP receiver on loopback, to prove export is on when the endpoint is set.</summary>
public sealed class OtlpReceiver : IAsyncLifetime
{
    private WebApplication? _app;
    public ConcurrentQueue<(string Path, string? ContentType, long Length)> Requests { get; } = new();
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", async (HttpContext ctx) =>
        {
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            Requests.Enqueue((ctx.Request.Path, ctx.Request.ContentType, body.Length));
            return Results.Ok();
        });
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

public sealed class OtlpExportTests(OtlpReceiver receiver) : IClassFixture<OtlpReceiver>
{
    private sealed class ExportingFactory(string endpoint) : ScorecardFactory
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_set_traces_and_metrics_are_exported_to_it()
    {
        await using var factory = new ExportingFactory(receiver.Url);
        var response = await factory.CreateClient().GetAsync("/health");
        response.EnsureSuccessStatusCode();

        Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        Assert.Contains(receiver.Requests, r => r.Path == "/v1/traces" && r.ContentType == "application/x-protobuf" && r.Length > 0);
        Assert.Contains(receiver.Requests, r => r.Path == "/v1/metrics" && r.Length > 0);
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported()
    {
        var before = receiver.Requests.Count;
        await using var factory = new ScorecardFactory();
        (await factory.CreateClient().GetAsync("/health")).EnsureSuccessStatusCode();
        // Nothing is recorded either: without an endpoint no tracer provider is built (no span per request or SQL command).
        Assert.Null(factory.Services.GetService<TracerProvider>());
        await Task.Delay(1_000);
        Assert.Equal(before, receiver.Requests.Count);
    }
}
