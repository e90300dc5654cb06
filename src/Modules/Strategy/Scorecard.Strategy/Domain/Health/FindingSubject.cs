namespace Scorecard.Strategy.Domain.Health;

internal enum FindingSubjectKind
{
    Scorecard,
    Perspective,
    Objective,
    Kpi,
}

/// <summary>The item a finding concerns, and the scorecard it sits in (so a page can filter).</summary>
internal sealed record FindingSubject(FindingSubjectKind Kind, Guid Id, string Name, Guid ScorecardId);
