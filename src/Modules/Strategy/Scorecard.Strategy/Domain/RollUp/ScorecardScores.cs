namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>Every level's roll-up, keyed by id, so a page can show each score with what it skipped.</summary>
internal sealed record ScorecardScores(
    RollUpResult Scorecard,
    IReadOnlyDictionary<Guid, RollUpResult> Perspectives,
    IReadOnlyDictionary<Guid, RollUpResult> Objectives);
