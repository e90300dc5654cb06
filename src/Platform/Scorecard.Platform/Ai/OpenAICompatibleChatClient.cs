using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChat = OpenAI.Chat;

namespace Scorecard.Platform.Ai;

/// <summary>
/// <see cref="IChatClient"/> over the official <c>OpenAI</c> package's <see cref="OpenAIChat.ChatClient"/>, pointed at
/// any <c>/v1</c> endpoint. Text only, no tools (the model gets none). The SDK's own retries are off:
/// the gateway's resilience pipeline owns timeout, retry and circuit breaking.
/// </summary>
internal sealed class OpenAICompatibleChatClient : IChatClient
{
    /// <summary><see cref="ChatOptions.AdditionalProperties"/> key: send the JSON schema with <c>strict: true</c>.</summary>
    public const string StrictJsonSchemaKey = "strictJsonSchema";

    private readonly ConcurrentDictionary<string, OpenAIChat.ChatClient> clients = new(StringComparer.Ordinal);
    private readonly ApiKeyCredential credential;
    private readonly OpenAIClientOptions clientOptions;
    private readonly string defaultModel;
    private readonly ChatClientMetadata metadata;

    public OpenAICompatibleChatClient(Uri endpoint, string model, string? apiKey, TimeSpan networkTimeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        defaultModel = model;
        credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? AiOptions.DummyApiKey : apiKey);
        clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = networkTimeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        metadata = new ChatClientMetadata("openai", endpoint, model);
    }

    public static OpenAICompatibleChatClient FromOptions(AiOptions options) =>
        new(new Uri(options.Endpoint!.Trim().TrimEnd('/')), options.Model!.Trim(), options.ApiKey,
            TimeSpan.FromSeconds(options.TimeoutSeconds + 5));

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (client, request, completionOptions) = Prepare(messages, options);
        var result = await client.CompleteChatAsync(request, completionOptions, cancellationToken).ConfigureAwait(false);
        var completion = result.Value;

        var text = string.Concat(completion.Content.Where(p => p.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(p => p.Text));
        var message = new MeaiChatMessage(ChatRole.Assistant, text) { RawRepresentation = completion, MessageId = completion.Id };
        var response = new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = MapFinishReason(completion.FinishReason),
            Usage = MapUsage(completion.Usage),
            RawRepresentation = completion,
        };
        if (!string.IsNullOrEmpty(completion.Refusal))
            (response.AdditionalProperties ??= [])["refusal"] = completion.Refusal;
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (client, request, completionOptions) = Prepare(messages, options);
        var updates = client.CompleteChatStreamingAsync(request, completionOptions, cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var contents = new List<AIContent>();
            foreach (var part in update.ContentUpdate)
                if (part.Kind == OpenAIChat.ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
                    contents.Add(new TextContent(part.Text));
            if (update.Usage is not null)
                contents.Add(new UsageContent(MapUsage(update.Usage)!));

            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                ResponseId = update.CompletionId,
                MessageId = update.CompletionId,
                ModelId = update.Model,
                CreatedAt = update.CreatedAt,
                FinishReason = update.FinishReason is { } reason ? MapFinishReason(reason) : null,
                RawRepresentation = update,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return metadata;
        if (serviceType == typeof(OpenAIChat.ChatClient)) return Client(defaultModel);
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    private OpenAIChat.ChatClient Client(string model) =>
        clients.GetOrAdd(model, m => new OpenAIChat.ChatClient(m, credential, clientOptions));

    private (OpenAIChat.ChatClient Client, List<OpenAIChat.ChatMessage> Messages, OpenAIChat.ChatCompletionOptions Options) Prepare(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = new List<OpenAIChat.ChatMessage>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
            request.Add(new OpenAIChat.SystemChatMessage(options.Instructions));
        foreach (var message in messages)
            request.Add(MapMessage(message));

        var completionOptions = new OpenAIChat.ChatCompletionOptions();
        if (options is not null)
        {
            if (options.Tools is { Count: > 0 })
                throw new NotSupportedException("The AI gateway gives the model no tools.");
            completionOptions.Temperature = options.Temperature;
            completionOptions.MaxOutputTokenCount = options.MaxOutputTokens;
            completionOptions.TopP = options.TopP;
            completionOptions.FrequencyPenalty = options.FrequencyPenalty;
            completionOptions.PresencePenalty = options.PresencePenalty;
            if (options.StopSequences is { } stops)
                foreach (var stop in stops) completionOptions.StopSequences.Add(stop);
            completionOptions.ResponseFormat = MapResponseFormat(options);
        }

        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? defaultModel : options.ModelId;
        return (Client(model), request, completionOptions);
    }

    private static OpenAIChat.ChatMessage MapMessage(MeaiChatMessage message)
    {
        var text = message.Text;
        if (message.Role == ChatRole.System) return new OpenAIChat.SystemChatMessage(text);
        if (message.Role == ChatRole.User) return new OpenAIChat.UserChatMessage(text);
        if (message.Role == ChatRole.Assistant) return new OpenAIChat.AssistantChatMessage(text);
        throw new NotSupportedException($"Chat role '{message.Role}' is not supported: the AI gateway sends system, user and assistant text only.");
    }

    private static OpenAIChat.ChatResponseFormat? MapResponseFormat(ChatOptions options) => options.ResponseFormat switch
    {
        ChatResponseFormatJson { Schema: { } schema } json => OpenAIChat.ChatResponseFormat.CreateJsonSchemaFormat(
            SchemaName(json.SchemaName),
            BinaryData.FromString(schema.GetRawText()),
            json.SchemaDescription,
            options.AdditionalProperties?.TryGetValue(StrictJsonSchemaKey, out bool strict) == true ? strict : null),
        ChatResponseFormatJson => OpenAIChat.ChatResponseFormat.CreateJsonObjectFormat(),
        ChatResponseFormatText => OpenAIChat.ChatResponseFormat.CreateTextFormat(),
        _ => null,
    };

    /// <summary>OpenAI requires ^[a-zA-Z0-9_-]{1,64}$.</summary>
    private static string SchemaName(string? name)
    {
        var cleaned = new string((name ?? "").Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').Take(64).ToArray());
        return cleaned.Length == 0 ? "answer" : cleaned;
    }

    private static UsageDetails? MapUsage(OpenAIChat.ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
        ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
    };

    private static ChatFinishReason? MapFinishReason(OpenAIChat.ChatFinishReason reason) => reason switch
    {
        OpenAIChat.ChatFinishReason.Stop => ChatFinishReason.Stop,
        OpenAIChat.ChatFinishReason.Length => ChatFinishReason.Length,
        OpenAIChat.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        OpenAIChat.ChatFinishReason.ToolCalls or OpenAIChat.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => null,
    };
}

/// <summary>What <see cref="IChatClient"/> resolves to when <c>Ai:Provider</c> is <c>offline</c>: every call says so.</summary>
internal sealed class NoLanguageModelChatClient : IChatClient
{
    private const string Message = "No language model is configured (Ai:Provider is 'offline'); set Ai:Provider to 'openai-compatible' with Ai:Endpoint and Ai:Model.";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Message);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Message);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(AiOptions.OfflineProvider, null, "none")
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
