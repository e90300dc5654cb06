namespace Scorecard.Okr.Domain;

/// <summary>What a finding is about.</summary>
internal enum FindingSubjectKind
{
    Objective,
    KeyResult,
    Owner,
}

internal sealed record FindingSubject(FindingSubjectKind Kind, Guid Id);

/// <summary>A parent worth considering instead, with its similarity score.</summary>
internal sealed record ParentSuggestion(ParentRef Parent, string Title, double Score);

/// <summary>
/// One alignment finding: a fixed <see cref="Code"/> (<see cref="AlignmentFindingCodes"/>), a severity,
/// a plain-language message, the numbers behind it (name → value) and, where useful, parent suggestions.
/// <see cref="Parent"/> names the claimed parent a BROKEN_PARENT or WEAK_LINK finding is about.
/// </summary>
internal sealed record AlignmentFinding(
    string Code,
    FindingSeverity Severity,
    FindingSubject Subject,
    string Message,
    IReadOnlyDictionary<string, double> Numbers,
    IReadOnlyList<ParentSuggestion> Suggestions,
    ParentRef? Parent = null);
