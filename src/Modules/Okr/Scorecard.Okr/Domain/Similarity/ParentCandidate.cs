namespace Scorecard.Okr.Domain;

/// <summary>A possible parent for a goal: what it is, its title (for messages) and the text compared.</summary>
internal sealed record ParentCandidate(ParentRef Ref, string Title, string Text, Guid? UnitId = null);

/// <summary>A candidate with its similarity to the goal. <see cref="Rank"/> is competition ranking: 1 + the number of strictly better candidates.</summary>
internal sealed record RankedCandidate(ParentCandidate Candidate, double Score, int Rank);
