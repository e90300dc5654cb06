namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// A nudge about written feedback: code (<see cref="BiasCodes"/>), severity, the words found (each
/// once, with counts), the counts behind the rule, the method and a suggested behaviour-and-outcome
/// rewrite.
/// </summary>
internal sealed record LanguageFinding(
    string Code,
    FindingSeverity Severity,
    IReadOnlyList<FoundWord> Words,
    IReadOnlyDictionary<string, int> Counts,
    string Method,
    string SuggestedRewrite);
