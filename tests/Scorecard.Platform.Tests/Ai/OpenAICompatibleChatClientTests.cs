using System.Text.Json;
using Microsoft.Extensions.AI;
using Scorecard.Platform.Ai;

namespace Scorecard.Platform.Tests.Ai;

public sealed class OpenAICompatibleChatClientTests : IAsyncLifetime
{
    private FakeOpenAIServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private OpenAICompatibleChatClient Client(string? apiKey = null) => OpenAICompatibleChatClient.FromOptions(new AiOptions
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
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "my answer", "the answer"),
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
        var maxTokens = request.TryGetProperty("max_completion_tokens", out var m1) ? m1 : request.GetProperty("max_tokens");
        Assert.Equal(77, maxTokens.GetInt32());
        var format = request.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("my_answer", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("the answer", format.GetProperty("json_schema").GetProperty("description").GetString());
        Assert.True(JsonElement.DeepEquals(schema, format.GetProperty("json_schema").GetProperty("schema")));

        var metadata = client.GetService<ChatClientMetadata>();
        Assert.Equal("openai", metadata!.ProviderName);
        Assert.Equal("local-model", metadata.DefaultModelId);
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

    [Fact]
    public async Task Refuses_tool_messages_and_tools_without_calling_the_server()
    {
        using var client = Client();

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.Tool, "x")]));
        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")],
            new ChatOptions { Tools = [AIFunctionFactory.Create(() => 1, "one")] }));
        Assert.Equal(0, server.Hits);
    }

    private static string MessageText(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
}
