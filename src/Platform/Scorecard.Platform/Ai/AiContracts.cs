using System.Text.Json;

namespace Scorecard.Platform.Ai;

/// <summary>
/// The one door to a language model. The model gets no tools and decides nothing: it returns
/// narrative in a JSON schema, and code validates it before a person sees it as a draft.
/// </summary>
public interface IAiGateway
{
    /// <summary>The configured provider and model (offline/none when no language model is configured).</summary>
    AiProviderInfo Provider { get; }

    /// <summary>
    /// Renders the prompts, pseudonymizes and spotlights them, calls the configured provider through
    /// timeout/retry/circuit breaker, restores names, and validates the answer.
    /// Throws <see cref="AiGatewayException"/> when the answer cannot be used (unless
    /// <see cref="AiRequest{T}.FallBackToOffline"/> is set and an offline draft is available).
    /// </summary>
    Task<AiResult<T>> GenerateAsync<T>(AiRequest<T> request, CancellationToken cancellationToken = default);

    /// <summary>The deterministic offline drafter, whatever the configured provider. Needs <see cref="AiRequest{T}.Offline"/>.</summary>
    Task<AiResult<T>> DraftOfflineAsync<T>(AiRequest<T> request, CancellationToken cancellationToken = default);
}

public sealed record AiProviderInfo(string Provider, string Model, bool IsOffline);

/// <summary>A person the prompt may mention; replaced by a token such as <c>[PERSON_1]</c> before the prompt leaves the process.</summary>
public sealed record AiPerson(string Name, string? Email = null);

/// <summary>
/// Text written by people (feedback, self-reviews, goal titles): data, never instructions.
/// The gateway wraps it in per-request delimiters; a template places it with <c>{{untrustedBlock "key"}}</c>
/// (blocks a template does not place are appended to the user message).
/// </summary>
public sealed record UntrustedText(string Key, string Text);

/// <summary>The deterministic drafter: a Scriban template composing text from the template model, and how that text becomes the answer.</summary>
public sealed record OfflineDraft<T>(PromptTemplate Template, Func<string, T> ToAnswer);

/// <summary>One AI-assisted draft a feature asks for.</summary>
public sealed record AiRequest<T>
{
    /// <summary>Feature name, e.g. <c>reviews.draft</c>; the audit subject type and a span attribute.</summary>
    public required string Feature { get; init; }

    /// <summary>What the call is about (e.g. the review id); audit subject id. Defaults to the call id.</summary>
    public string? SubjectId { get; init; }

    /// <summary>System-role template; the gateway prepends its own safety preamble.</summary>
    public required PromptTemplate SystemPrompt { get; init; }

    public required PromptTemplate UserPrompt { get; init; }

    /// <summary>The template model (root context of both templates and the offline template).</summary>
    public object? Model { get; init; }

    public IReadOnlyList<AiPerson> People { get; init; } = [];

    public IReadOnlyList<UntrustedText> Untrusted { get; init; } = [];

    /// <summary>JSON schema of the answer. When omitted it is generated from <typeparamref name="T"/>.</summary>
    public JsonElement? ResponseSchema { get; init; }

    public string ResponseSchemaName { get; init; } = "answer";

    /// <summary>Feature-specific checks (citations, lengths...). Errors reject the answer; warnings travel with the result.</summary>
    public Func<T, AiValidation>? Validate { get; init; }

    /// <summary>Reject answers containing ratings, rankings or promote/terminate recommendations (default true).</summary>
    public bool RejectJudgmentContent { get; init; } = true;

    public OfflineDraft<T>? Offline { get; init; }

    /// <summary>When the model cannot be used, return the offline draft (with a warning) instead of throwing.</summary>
    public bool FallBackToOffline { get; init; }

    public float? Temperature { get; init; }

    public int? MaxOutputTokens { get; init; }

    /// <summary>How the answer JSON maps to <typeparamref name="T"/>; defaults to web defaults (camelCase, case-insensitive).</summary>
    public JsonSerializerOptions? JsonOptions { get; init; }
}

public sealed record AiUsage(long InputTokens, long OutputTokens, long TotalTokens)
{
    public static readonly AiUsage None = new(0, 0, 0);
}

public sealed record AiResult<T>(
    T Answer,
    string Provider,
    string Model,
    AiUsage Usage,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<InjectionSignal> InjectionSignals,
    Guid CallId)
{
    public const string OfflineLabel = "offline draft, no language model";

    /// <summary>Prompt tokens Scorecard counted (o200k_base) on the request as sent; 0 when no model was called.</summary>
    public int PromptTokens { get; init; }

    public bool IsOfflineDraft => Provider == AiOptions.OfflineProvider;

    /// <summary>What the person is told about where the draft came from.</summary>
    public string Label => IsOfflineDraft ? OfflineLabel : $"AI draft by {Model}; review and edit before use";
}

/// <summary>Outcome of a validation: errors reject the answer, warnings are passed on.</summary>
public sealed record AiValidation(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public static readonly AiValidation Ok = new([], []);

    public bool IsValid => Errors.Count == 0;

    public static AiValidation Reject(params string[] errors) => new(errors, []);

    public static AiValidation Warn(params string[] warnings) => new([], warnings);

    public static AiValidation operator +(AiValidation a, AiValidation b) =>
        new([.. a.Errors, .. b.Errors], [.. a.Warnings, .. b.Warnings]);
}

public enum AiFailureKind
{
    /// <summary>No language model is configured and the feature has no offline draft.</summary>
    NotConfigured,
    /// <summary>The model server failed or could not be reached (after retries).</summary>
    Unavailable,
    TimedOut,
    /// <summary>The answer is not valid JSON, or not in the expected shape.</summary>
    MalformedOutput,
    /// <summary>The answer was well-formed but failed validation (ratings, unknown citations...).</summary>
    Rejected,
    /// <summary>Recent calls failed, so calls fail fast for a while.</summary>
    CircuitOpen,
}

/// <summary>An AI call whose answer cannot be used; <see cref="Exception.Message"/> is meant for people.</summary>
public sealed class AiGatewayException(AiFailureKind kind, string feature, string message, IReadOnlyList<string>? reasons = null)
    : ScorecardException(message)
{
    public AiFailureKind Kind { get; } = kind;

    public string Feature { get; } = feature;

    /// <summary>Validation errors or technical detail behind the message.</summary>
    public IReadOnlyList<string> Reasons { get; } = reasons ?? [];

    /// <summary>True when trying the model again later may help (as opposed to the answer being unusable).</summary>
    public bool IsTransient => Kind is AiFailureKind.Unavailable or AiFailureKind.TimedOut or AiFailureKind.CircuitOpen;

    public override int StatusCode => Kind switch
    {
        AiFailureKind.MalformedOutput or AiFailureKind.Rejected => 502,
        AiFailureKind.TimedOut => 504,
        _ => 503,
    };

    public override string Title => Kind switch
    {
        AiFailureKind.MalformedOutput or AiFailureKind.Rejected => "The AI answer could not be used.",
        _ => "AI assistance is unavailable.",
    };
}
