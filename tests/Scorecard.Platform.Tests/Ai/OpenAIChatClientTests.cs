using System.Text.Json;
using Microsoft.Extensions.AI;
using Scorecard.Platform.Ai;

namespace Scorecard.Platform.Tests.Ai;

/// <summary>The Microsoft.Extensions.AI.OpenAI chat client as the gateway configures it, against a loopback server.</summary>
public sealed class OpenAIChatClientTests : IAsyncLifetime
{
    private FakeOpenAIServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private IChatClient Client(string? apiKey = null) => OpenAIChatClientFactory.Create(new AiOptions
    {
        Provider = "openai-compatible",
        Endpoint = server.Endpoint,
        Model = "local-model",
        ApiKey = apiKey,
        TimeoutSeconds = 5,
    });

    [Fact]
    public async Task Maps_messages_options_schema_format_and_usage()
    {
        server.Enqueue(FakeOpenAIServer.Completion("""{"summary":"ok"}""", model: "local-model-q4", input: 11, output: 7, finish: "length"));
        using var client = Client();
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"summary":{"type":"string"}},"required":["summary"]}""").RootElement;

        var response = await client.GetResponseAsync(
        [
            new ChatMessage(ChatRole.System, "be brief"),
            new ChatMessage(ChatRole.User, "hello"),
            new ChatMessage(ChatRole.Assistant, "hi"),
            new ChatMessage(ChatRole.User, "again"),
        ], new ChatOptions
        {
            Temperature = 0.3f,
            MaxOutputTokens = 77,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "my_answer", "the answer"),
        });

        Assert.Equal("""{"summary":"ok"}""", response.Text);
        Assert.Equal("local-model-q4", response.ModelId);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.NotNull(response.Usage);
        Assert.Equal(11, response.Usage.InputTokenCount);
        Assert.Equal(7, response.Usage.OutputTokenCount);
        Assert.Equal(18, response.Usage.TotalTokenCount);
        Assert.StartsWith("chatcmpl-", response.ResponseId);

        var request = JsonDocument.Parse(Assert.Single(server.RequestBodies)).RootElement;
        Assert.Equal("local-model", request.GetProperty("model").GetString());
        Assert.Equal(["system", "user", "assistant", "user"], request.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(["be brief", "hello", "hi", "again"], request.GetProperty("messages").EnumerateArray().Select(m => MessageText(m.GetProperty("content"))));
        Assert.Equal(0.3, request.GetProperty("temperature").GetDouble(), 3);
        // The cap reaches servers that read max_completion_tokens (OpenAI) and those that read max_tokens (Ollama's /v1).
        Assert.Equal(77, request.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal(77, request.GetProperty("max_tokens").GetInt32());
        var format = request.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("my_answer", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("the answer", format.GetProperty("json_schema").GetProperty("description").GetString());
        Assert.Equal("summary", format.GetProperty("json_schema").GetProperty("schema").GetProperty("required")[0].GetString());

        Assert.False(request.TryGetProperty("tools", out _));
    }

    [Fact]
    public async Task Streams_text_updates_and_usage()
    {
        server.Enqueue(FakeOpenAIServer.Stream(["Anna ", "led ", "the migration."], input: 9, output: 4));
        using var client = Client(apiKey: "sk-test");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "go")]))
            updates.Add(update);

        Assert.Equal("Anna led the migration.", string.Concat(updates.Select(u => u.Text)));
        var response = updates.ToChatResponse();
        Assert.Equal("Anna led the migration.", response.Text);
        Assert.Equal(9, response.Usage?.InputTokenCount);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("test-model", response.ModelId);
        var request = JsonDocument.Parse(Assert.Single(server.RequestBodies)).RootElement;
        Assert.True(request.GetProperty("stream").GetBoolean());
    }

    private static string MessageText(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
}
