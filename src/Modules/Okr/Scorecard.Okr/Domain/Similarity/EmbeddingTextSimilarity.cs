namespace Scorecard.Okr.Domain;

/// <summary>Cosine similarity over embeddings; the goal and all candidates are embedded in one call.</summary>
internal sealed class EmbeddingTextSimilarity(ITextEmbedder embedder) : ITextSimilarity
{
    public SimilarityMethod Method => SimilarityMethod.Embedding;

    public async Task<IReadOnlyList<double>> ScoreAsync(string goalText, IReadOnlyList<string> candidateTexts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidateTexts);
        if (candidateTexts.Count == 0)
        {
            return [];
        }

        var vectors = await embedder.EmbedAsync([goalText, .. candidateTexts], cancellationToken).ConfigureAwait(false);
        if (vectors.Count != candidateTexts.Count + 1)
        {
            throw new InvalidOperationException($"The embedder returned {vectors.Count} vectors for {candidateTexts.Count + 1} texts.");
        }

        return [.. vectors.Skip(1).Select(v => VectorMath.Cosine(vectors[0], v))];
    }
}
