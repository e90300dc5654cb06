using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scorecard.Okr.Tests.Application;

/// <summary>A real HTTP server on loopback answering POST /v1/chat/completions with queued JSON answers; records request bodies.</summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<object> _answers = new();

    private LoopbackChatServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public string Endpoint { get; private set; } = "";

    public static async Task<LoopbackChatServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackChatServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = app.Urls.Single().TrimEnd('/') + "/v1";
        return server;
    }

    public void Enqueue(object answer) => _answers.Enqueue(answer);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Requests.Enqueue(await reader.ReadToEndAsync());
        var answer = _answers.TryDequeue(out var a) ? a : new { explanation = "(no answer queued)" };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-okr",
            @object = "chat.completion",
            created = 1_760_000_000,
            model = "test-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = JsonSerializer.Serialize(answer) }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 40, total_tokens = 140 },
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
