using Microsoft.Extensions.AI;

namespace Scorecard.Platform.Ai;

/// <summary>
/// One AI job on its way through Semantic Kernel: the feature's Scriban templates and model, the render scope
/// (boundary, untrusted blocks), the pseudonymizer, and the chat options (schema, caps) the model call must carry.
/// The kernel function renders it; <see cref="GatewayChatClient"/> applies its options and counts its tokens.
/// </summary>
internal sealed class AiJob(string feature, PromptTemplate system, PromptTemplate user, object? model, RenderScope scope,
    Pseudonymizer pseudonymizer, ChatOptions options)
{
    public const string ArgumentName = "scorecard_job";

    public string Feature { get; } = feature;
    public PromptTemplate System { get; } = system;
    public PromptTemplate User { get; } = user;
    public object? Model { get; } = model;
    public RenderScope Scope { get; } = scope;
    public Pseudonymizer Pseudonymizer { get; } = pseudonymizer;
    public ChatOptions Options { get; } = options;

    /// <summary>Prompt tokens of the messages as they went to the model (set by <see cref="GatewayChatClient"/>).</summary>
    public int CountedPromptTokens { get; set; }

    /// <summary>The messages exactly as sent.</summary>
    public IReadOnlyList<ChatMessage> SentMessages { get; set; } = [];

    private static readonly AsyncLocal<AiJob?> Ambient = new();

    public static AiJob? Current => Ambient.Value;

    public IDisposable Enter()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new Exit(previous);
    }

    private sealed class Exit(AiJob? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

/// <summary>
/// The chat client inside the Kernel: Semantic Kernel hands it the messages it parsed from the rendered prompt; it adds the
/// job's structured-output options (JSON schema as written, temperature, output cap), counts the prompt tokens of exactly
/// what is sent, and passes the call to the configured model client. No tools ever: a request carrying tools is refused.
/// </summary>
internal sealed class GatewayChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var job = AiJob.Current ?? throw new InvalidOperationException("Model calls go through the AI gateway.");
        if (options?.Tools is { Count: > 0 }) throw new NotSupportedException("The AI gateway gives the model no tools.");
        var sent = messages.ToList();
        if (sent.Any(m => m.Role != ChatRole.System && m.Role != ChatRole.User))
            throw new NotSupportedException("The AI gateway sends system and user text only.");
        job.SentMessages = sent;
        job.CountedPromptTokens = PromptTokens.Count(sent, (job.Options.ResponseFormat as ChatResponseFormatJson)?.Schema);
        return base.GetResponseAsync(sent, job.Options, cancellationToken);
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The AI gateway validates whole answers; it does not stream from the model.");
}
