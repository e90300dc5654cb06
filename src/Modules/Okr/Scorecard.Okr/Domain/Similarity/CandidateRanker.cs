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
        // Best score first, then title, then id: one array sort (a full analysis ranks every goal's candidates).
        var ordered = distinct.Select((c, i) => (Candidate: c, Score: scores[i])).ToArray();
        Array.Sort(ordered, static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0) return byScore;
            var byTitle = string.CompareOrdinal(a.Candidate.Title, b.Candidate.Title);
            return byTitle != 0 ? byTitle : a.Candidate.Ref.Id.CompareTo(b.Candidate.Ref.Id);
        });
        // Rank = 1 + the number of strictly better scores: the position of the first candidate with the same score.
        var ranked = new List<RankedCandidate>(ordered.Length);
        var firstOfScore = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            if (i > 0 && ordered[i].Score != ordered[i - 1].Score) firstOfScore = i;
            ranked.Add(new RankedCandidate(ordered[i].Candidate, ordered[i].Score, 1 + firstOfScore));
        }
        return ranked;
    }
}
