using Microsoft.Extensions.Options;

namespace Scorecard.Platform.Ai;

/// <summary>
/// Configuration section <c>Ai</c> (env <c>Ai__Provider</c>, <c>Ai__Endpoint</c>, ...).
/// <c>offline</c> (the default) never touches the network; <c>openai-compatible</c> talks to any
/// <c>/v1</c> chat-completions endpoint (OpenAI, Azure OpenAI v1, Ollama, vLLM, llama.cpp, LM Studio).
/// </summary>
public sealed class AiOptions
{
    public const string SectionName = "Ai";
    public const string OfflineProvider = "offline";
    public const string OpenAICompatibleProvider = "openai-compatible";

    /// <summary>Sent when <see cref="ApiKey"/> is empty: the OpenAI client needs a key, local servers ignore it.</summary>
    internal const string DummyApiKey = "unused";

    /// <summary><c>offline</c> (default) or <c>openai-compatible</c>.</summary>
    public string Provider { get; set; } = OfflineProvider;

    /// <summary>Base URL ending in <c>/v1</c>, e.g. <c>http://127.0.0.1:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>May be empty for local servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Upper bound for one gateway call, retries included.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after the first attempt on HTTP 408/429/5xx and network errors; 0 disables retrying.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones grow exponentially (with jitter).</summary>
    public double RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>Cap for one retry delay, also for a server's Retry-After.</summary>
    public double RetryMaxDelayMilliseconds { get; set; } = 10_000;

    /// <summary>Share of failed attempts within the sampling window that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the circuit may open (at least 2).</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 4;

    public double CircuitBreakerSamplingSeconds { get; set; } = 60;

    /// <summary>How long calls fail fast once the circuit is open.</summary>
    public double CircuitBreakerBreakSeconds { get; set; } = 30;

    /// <summary>Default sampling temperature; a request may override it.</summary>
    public float? Temperature { get; set; } = 0.2f;

    /// <summary>Default cap on the answer's tokens; a request may override it.</summary>
    public int? MaxOutputTokens { get; set; } = 1500;

    public bool IsOffline => NormalizedProvider == OfflineProvider;

    internal string NormalizedProvider => Provider?.Trim().ToLowerInvariant() switch
    {
        null or "" or OfflineProvider => OfflineProvider,
        OpenAICompatibleProvider or "openai" => OpenAICompatibleProvider,
        var other => other,
    };

    /// <summary>The model name as reported in results, spans and audit records.</summary>
    internal string EffectiveModel => IsOffline ? "none" : Model!.Trim();

    /// <summary>Every problem with this configuration, each as a sentence naming the key to fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var provider = NormalizedProvider;
        if (provider != OfflineProvider && provider != OpenAICompatibleProvider)
        {
            errors.Add($"Ai:Provider '{Provider}' is not supported; use '{OfflineProvider}' (no language model) or '{OpenAICompatibleProvider}'.");
            return errors;
        }

        if (provider == OpenAICompatibleProvider)
        {
            if (string.IsNullOrWhiteSpace(Endpoint))
                errors.Add("Ai:Provider is 'openai-compatible' but Ai:Endpoint is empty; set it to the server's base URL ending in /v1, e.g. http://127.0.0.1:11434/v1.");
            else if (!Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"Ai:Endpoint '{Endpoint}' is not an absolute http(s) URL; use the server's base URL ending in /v1, e.g. http://127.0.0.1:11434/v1.");
            if (string.IsNullOrWhiteSpace(Model))
                errors.Add("Ai:Provider is 'openai-compatible' but Ai:Model is empty; name the model to call, e.g. llama3.1:8b or gpt-4o-mini.");
        }

        if (!(TimeoutSeconds >= 0.05 && TimeoutSeconds <= 3600))
            errors.Add($"Ai:TimeoutSeconds must be between 0.05 and 3600 (was {TimeoutSeconds}).");
        if (MaxRetries is < 0 or > 10)
            errors.Add($"Ai:MaxRetries must be between 0 and 10 (was {MaxRetries}).");
        if (!(RetryBaseDelayMilliseconds >= 0 && RetryBaseDelayMilliseconds <= 60_000))
            errors.Add($"Ai:RetryBaseDelayMilliseconds must be between 0 and 60000 (was {RetryBaseDelayMilliseconds}).");
        if (!(RetryMaxDelayMilliseconds >= RetryBaseDelayMilliseconds))
            errors.Add("Ai:RetryMaxDelayMilliseconds must not be smaller than Ai:RetryBaseDelayMilliseconds.");
        if (!(CircuitBreakerFailureRatio > 0 && CircuitBreakerFailureRatio <= 1))
            errors.Add($"Ai:CircuitBreakerFailureRatio must be greater than 0 and at most 1 (was {CircuitBreakerFailureRatio}).");
        if (CircuitBreakerMinimumThroughput < 2)
            errors.Add($"Ai:CircuitBreakerMinimumThroughput must be at least 2 (was {CircuitBreakerMinimumThroughput}).");
        if (!(CircuitBreakerSamplingSeconds >= 0.5 && CircuitBreakerSamplingSeconds <= 86_400))
            errors.Add($"Ai:CircuitBreakerSamplingSeconds must be between 0.5 and 86400 (was {CircuitBreakerSamplingSeconds}).");
        if (!(CircuitBreakerBreakSeconds >= 0.5 && CircuitBreakerBreakSeconds <= 86_400))
            errors.Add($"Ai:CircuitBreakerBreakSeconds must be between 0.5 and 86400 (was {CircuitBreakerBreakSeconds}).");
        if (MaxOutputTokens is <= 0)
            errors.Add($"Ai:MaxOutputTokens must be positive (was {MaxOutputTokens}).");
        if (Temperature is < 0 or > 2)
            errors.Add($"Ai:Temperature must be between 0 and 2 (was {Temperature}).");
        return errors;
    }
}

internal sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
