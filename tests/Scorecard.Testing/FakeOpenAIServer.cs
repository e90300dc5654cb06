using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scorecard.Testing;

/// <summary>A real HTTP server on loopback speaking POST /v1/chat/completions from a scripted queue, recording every request body.</summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ScriptedReply> script = new();
    private readonly ConcurrentQueue<string> requests = new();
    private int hits;

    private FakeOpenAIServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The endpoint to configure: base URL ending in /v1.</summary>
    public string Endpoint => BaseUrl + "/v1";

    public int Hits => Volatile.Read(ref hits);

    public IReadOnlyList<string> RequestBodies => [.. requests];

    /// <summary>Answer returned when the script is empty.</summary>
    public ScriptedReply? Default { get; set; }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    public FakeOpenAIServer Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies) script.Enqueue(reply);
        return this;
    }

    public static ScriptedReply Completion(string content, string model = "test-model", int input = 120, int output = 40, string finish = "stop") =>
        new(200, JsonSerializer.Serialize(new
        {
            id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..8],
            @object = "chat.completion",
            created = 1_760_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finish } },
            usage = new { prompt_tokens = input, completion_tokens = output, total_tokens = input + output },
        }));

    public static ScriptedReply Json(object answer, string model = "test-model", int input = 120, int output = 40) =>
        Completion(JsonSerializer.Serialize(answer), model, input, output);

    public static ScriptedReply Status(int status, string body = """{"error":{"message":"boom","type":"server_error"}}""") => new(status, body);

    public static ScriptedReply Garbage() => new(200, "<html>this is not an OpenAI answer", "text/html");

    public static ScriptedReply Delayed(TimeSpan delay, ScriptedReply reply) => reply with { Delay = delay };

    public static ScriptedReply Stream(IReadOnlyList<string> chunks, string model = "test-model", int input = 10, int output = 3)
    {
        var sb = new StringBuilder();
        var id = "chatcmpl-stream";
        for (var i = 0; i < chunks.Count; i++)
        {
            object delta = i == 0 ? new { role = "assistant", content = chunks[i] } : new { content = chunks[i] };
            sb.Append("data: ").Append(JsonSerializer.Serialize(new
            {
                id, @object = "chat.completion.chunk", created = 1_760_000_000, model,
                choices = new[] { new { index = 0, delta, finish_reason = (string?)null } },
            })).Append("\n\n");
        }
        sb.Append("data: ").Append(JsonSerializer.Serialize(new
        {
            id, @object = "chat.completion.chunk", created = 1_760_000_000, model,
            choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
        })).Append("\n\n");
        sb.Append("data: ").Append(JsonSerializer.Serialize(new
        {
            id, @object = "chat.completion.chunk", created = 1_760_000_000, model,
            choices = Array.Empty<object>(),
            usage = new { prompt_tokens = input, completion_tokens = output, total_tokens = input + output },
        })).Append("\n\n");
        sb.Append("data: [DONE]\n\n");
        return new ScriptedReply(200, sb.ToString(), "text/event-stream");
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref hits);
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            requests.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));

        var reply = script.TryDequeue(out var next) ? next : Default ?? Status(500, """{"error":{"message":"script is empty"}}""");
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        if (reply.RetryAfterSeconds is { } retryAfter) context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var header in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[header.Key] = header.Value;
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ScriptedReply(int Status, string Body, string ContentType = "application/json")
{
    public TimeSpan Delay { get; init; }
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Extra response headers (e.g. <c>retry-after-ms</c>, or <c>Retry-After</c> as an HTTP date).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
