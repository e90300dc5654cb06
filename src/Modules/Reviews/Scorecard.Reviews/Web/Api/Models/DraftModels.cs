namespace Scorecard.Reviews.Web.Api.Models;

// AI drafting (issue 6). None of these records has a rating, score, ranking or recommendation field, by design:
// AI output never reaches a rating (an architecture test in Scorecard.Reviews.Tests checks it).

/// <summary>A cited evidence item, numbered as a footnote; <c>anchor</c> links into the review page's evidence panel.</summary>
public sealed record DraftCitationDto(int Number, string EvidenceId, string Kind, DateOnly Date, string Anchor);

/// <summary>A sentence in plain prose; <c>footnotes</c> are the numbers of its citations (never markers in the text).</summary>
public sealed record DraftSentenceDto(string Text, IReadOnlyList<string> EvidenceIds, IReadOnlyList<int>? Footnotes = null);

public sealed record DraftSectionDto(string Title, IReadOnlyList<DraftSentenceDto> Sentences);

/// <summary>What the drafter saw: evidence items in the period, how many were sampled, the prompt tokens (counted with the o200k_base tokenizer; as sent when a model was called) and the budget.</summary>
public sealed record DraftSampleDto(int EvidenceTotal, int EvidenceUsed, int PromptTokens, int TokenBudget, int MonthsWithEvidence, int MonthsCovered);

/// <summary>An AI-generated draft of the evidence summary. <c>label</c> says where it came from ("offline draft, no language model").</summary>
public sealed record ReviewDraftDto(
    Guid DraftId, string Text, IReadOnlyList<DraftSectionDto> Sections, IReadOnlyList<DraftCitationDto> Citations,
    string Provider, string Model, DateTimeOffset GeneratedAt, IReadOnlyList<string> Warnings,
    string Label, bool AiGenerated, bool Used, DraftSampleDto Sample, string Transparency);

public sealed record AiUseDto(Guid ReviewId, Guid DraftId, string Text, bool AiAssisted, bool Confirmed);

public sealed record AiConfirmationRequest(bool? ConfirmAiReviewed);

public sealed record AiSettingsDto(bool DraftingEnabled, string Provider, string Model, bool ModelConfigured, DateTimeOffset? UpdatedAt, string Transparency);

public sealed record AiSettingsRequest(bool? DraftingEnabled);

/// <summary>The peer feedback summary for the manager; below the anonymity threshold <c>shown</c> is false and <c>reason</c> says why.</summary>
public sealed record PeerSummaryDto(bool Shown, int Responses, int Threshold, string? Reason, IReadOnlyList<DraftSentenceDto> Sentences);

/// <summary>One AI call as the audit log keeps it. <c>rejectedAnswer</c> is the refused model answer (pseudonymized), kept 30 days.</summary>
public sealed record AiCallDto(
    long Id, DateTimeOffset At, string Feature, string SubjectId, string? RequestedBy, string Provider, string Model,
    long InputTokens, long OutputTokens, long CountedPromptTokens, string Outcome, string? Failure, string? ErrorType,
    bool Fallback, string? FallbackReason, long DurationMs, string? RejectedAnswer);

/// <summary>A decision about AI output a person made (inserted, discarded, confirmed, accepted, dismissed) or the switch.</summary>
public sealed record AiDecisionDto(long Id, DateTimeOffset At, string Action, string SubjectType, string SubjectId, string? By, string? Reason);

public sealed record AiAuditDto(IReadOnlyList<AiCallDto> Calls, IReadOnlyList<AiDecisionDto> Decisions, int AiAuditRetentionDays);
