namespace Scorecard.Okr.Domain;

/// <summary>The numbers behind a WEAK_LINK decision.</summary>
internal sealed record WeakLinkAssessment(
    bool IsWeak,
    double ClaimedScore,
    int ClaimedRank,
    int CandidateCount,
    double Threshold,
    IReadOnlyList<RankedCandidate> BetterCandidates);

/// <summary>
/// A claimed parent is a weak link when it is NOT among the goal's top-N (3) most similar candidates
/// AND its similarity is below the threshold for the method in use. Both must hold: a parent in the
/// top 3 is plausible however low the absolute score, and a clearly similar parent is fine even in a
/// crowded candidate set. "Among the top N" uses competition ranking (rank = 1 + number of strictly
/// better candidates) and requires a score above 0 — a 0 similarity is no evidence of a relation,
/// even when everything else scores 0 too.
/// </summary>
internal static class WeakLinkRule
{
    public static WeakLinkAssessment Evaluate(IReadOnlyList<RankedCandidate> ranking, ParentRef claimedParent, double threshold, int topN = 3)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var claimed = ranking.FirstOrDefault(r => r.Candidate.Ref == claimedParent)
            ?? throw new ArgumentException($"The claimed parent {claimedParent} is not in the ranking.", nameof(claimedParent));
        var inTopN = claimed.Score > 0.0 && claimed.Rank <= topN;
        var isWeak = !inTopN && claimed.Score < threshold;
        var better = ranking.Where(r => r.Candidate.Ref != claimedParent && r.Score > claimed.Score).Take(topN).ToList();
        return new WeakLinkAssessment(isWeak, claimed.Score, claimed.Rank, ranking.Count, threshold, better);
    }
}
