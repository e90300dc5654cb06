namespace Scorecard.Okr.Domain;

/// <summary>
/// Ranks candidate parents by similarity to a goal (best first; ties by title, then id, for a
/// stable order). Used for parent suggestions and for the UNALIGNED and WEAK_LINK findings.
/// </summary>
internal sealed class CandidateRanker(ITextSimilarity similarity)
{
    public SimilarityMethod Method => similarity.Method;

    public async Task<IReadOnlyList<RankedCandidate>> RankAsync(
        string goalText,
        IReadOnlyList<ParentCandidate> candidates,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var distinct = candidates.DistinctBy(c => c.Ref).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        var scores = await similarity.ScoreAsync(goalText, [.. distinct.Select(c => c.Text)], cancellationToken).ConfigureAwait(false);
        var scored = distinct.Select((c, i) => (Candidate: c, Score: scores[i])).ToList();
        var ordered = scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.Title, StringComparer.Ordinal)
            .ThenBy(s => s.Candidate.Ref.Id)
            .ToList();
        // Rank = 1 + the number of strictly better scores: the position of the first candidate with the same score.
        var ranked = new List<RankedCandidate>(ordered.Count);
        var firstOfScore = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0 && ordered[i].Score != ordered[i - 1].Score) firstOfScore = i;
            ranked.Add(new RankedCandidate(ordered[i].Candidate, ordered[i].Score, 1 + firstOfScore));
        }
        return ranked;
    }
}
