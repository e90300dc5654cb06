namespace Scorecard.Platform.Ai;

/// <summary>What one call did, for the span, the metrics and the audit record.</summary>
internal sealed class AiCallRecord(string feature, string provider, string model, long startedAt)
{
    /// <summary>Longest rejected answer kept (pseudonymized) in the audit record for review.</summary>
    public const int RejectedAnswerMax = 20_000;

    public Guid CallId { get; } = Guid.NewGuid();
    public string Feature { get; } = feature;
    public string? SubjectId { get; init; }
    public string Provider { get; } = provider;
    public string GenAiProvider => Provider == AiOptions.OpenAICompatibleProvider ? "openai" : Provider;
    public string Model { get; } = model;
    public long StartedAt { get; } = startedAt;
    public Pseudonymizer? Pseudonymizer { get; set; }
    public string? ResponseModel { get; set; }
    public string? ResponseId { get; set; }
    public string? FinishReason { get; set; }
    public AiUsage? Usage { get; set; }
    /// <summary>Prompt tokens counted by Scorecard on the rendered request (o200k_base), whatever the server reports.</summary>
    public int CountedPromptTokens { get; set; }
    public string Outcome { get; set; } = "error";
    public AiFailureKind? FailureKind { get; private set; }
    public string? ErrorType { get; set; }
    public string? FallbackReason { get; set; }
    /// <summary>The model's answer as received (still pseudonymized) when it was refused; kept 30 days.</summary>
    public string? RejectedAnswer { get; private set; }
    public List<string> Warnings { get; } = [];
    public List<string> Reasons { get; } = [];
    public List<InjectionSignal> Signals { get; } = [];
    public IReadOnlyList<string> InjectionSignalKinds => [.. Signals.Select(s => s.Kind).Distinct()];
    public int People { get; set; }
    public int UntrustedBlocks { get; set; }
    public IReadOnlyList<string> Templates { get; set; } = [];
    public bool Fallback { get; init; }

    public void AddSignals(IEnumerable<InjectionSignal> signals)
    {
        foreach (var signal in signals)
            if (!Signals.Contains(signal)) Signals.Add(signal);
    }

    public void Fail(AiFailureKind kind, string outcome, string errorType, IEnumerable<string> reasons)
    {
        FailureKind = kind;
        Outcome = outcome;
        ErrorType = errorType;
        Reasons.AddRange(reasons);
    }

    public void KeepRejectedAnswer(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        RejectedAnswer = text.Length > RejectedAnswerMax ? text[..RejectedAnswerMax] + "… (cut)" : text;
    }

    public string Pseudonymize(string text) => Pseudonymizer?.Pseudonymize(text) ?? text;
}

internal sealed record AiAuditSignal(string Kind, string Source);

/// <summary>The <c>DataJson</c> of an <c>ai.call</c> audit record.</summary>
internal sealed record AiCallAuditData(
    Guid CallId, string Provider, string Model, string? ResponseModel,
    long InputTokens, long OutputTokens, long TotalTokens, int CountedPromptTokens,
    string Outcome, string? Failure, string? ErrorType, long DurationMs,
    IReadOnlyList<AiAuditSignal> InjectionSignals, IReadOnlyList<string> Reasons, IReadOnlyList<string> Warnings,
    int People, int UntrustedBlocks, IReadOnlyList<string> PromptTemplates, bool Fallback, string? FallbackReason,
    string? RejectedAnswer);
