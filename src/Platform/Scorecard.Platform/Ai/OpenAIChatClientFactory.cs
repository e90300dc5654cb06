using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Scorecard.Platform.Ai;

/// <summary>
/// The <see cref="IChatClient"/> of Microsoft.Extensions.AI.OpenAI over the official OpenAI client, pointed at any
/// OpenAI-compatible <c>/v1</c> endpoint. The SDK's own retries are off (the gateway's pipeline owns timeout, retry and
/// circuit breaking); <see cref="MaxTokensCompatibilityPolicy"/> sends the output cap under both names.
/// </summary>
internal static class OpenAIChatClientFactory
{
    public static IChatClient Create(AiOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!.Trim().TrimEnd('/')),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        clientOptions.AddPolicy(new MaxTokensCompatibilityPolicy(), PipelinePosition.PerCall);
        var credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? AiOptions.DummyApiKey : options.ApiKey);
        return new OpenAI.Chat.ChatClient(options.Model!.Trim(), credential, clientOptions).AsIChatClient();
    }
}

/// <summary>
/// The OpenAI SDK writes the output cap as <c>max_completion_tokens</c>; Ollama's <c>/v1</c> and other older servers read
/// only <c>max_tokens</c>. This policy copies the cap to <c>max_tokens</c> in every chat-completions request body.
/// </summary>
internal sealed class MaxTokensCompatibilityPolicy : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    internal static void Rewrite(PipelineMessage message)
    {
        if (message.Request.Content is not { } content || message.Request.Uri?.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
            return;
        using var buffer = new MemoryStream();
        content.WriteTo(buffer);
        if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body || body["max_completion_tokens"] is not { } cap || body.ContainsKey("max_tokens"))
            return;
        body["max_tokens"] = cap.DeepClone();
        message.Request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }
}

/// <summary>What <see cref="IChatClient"/> resolves to when <c>Ai:Provider</c> is <c>offline</c>: every call says so.</summary>
internal sealed class NoLanguageModelChatClient : IChatClient
{
    private const string Message = "No language model is configured (Ai:Provider is 'offline'); set Ai:Provider to 'openai-compatible' with Ai:Endpoint and Ai:Model.";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Message);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Message);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(AiOptions.OfflineProvider, null, "none")
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
