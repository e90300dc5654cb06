namespace Scorecard.Okr.Domain;

/// <summary>TF-IDF cosine; the IDF is computed over the candidate corpus: all candidate texts plus the goal.</summary>
internal sealed class LexicalTextSimilarity : ITextSimilarity
{
    public SimilarityMethod Method => SimilarityMethod.Lexical;

    public Task<IReadOnlyList<double>> ScoreAsync(string goalText, IReadOnlyList<string> candidateTexts, CancellationToken cancellationToken = default) =>
        Task.FromResult(Score(goalText, candidateTexts));

    public static IReadOnlyList<double> Score(string goalText, IReadOnlyList<string> candidateTexts)
    {
        ArgumentNullException.ThrowIfNull(candidateTexts);
        return CandidateIndex.For(candidateTexts).Score(goalText);
    }
}
