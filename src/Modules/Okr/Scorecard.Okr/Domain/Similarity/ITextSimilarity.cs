namespace Scorecard.Okr.Domain;

/// <summary>Scores how close a goal's text is to each candidate text (higher = more similar).</summary>
internal interface ITextSimilarity
{
    SimilarityMethod Method { get; }

    Task<IReadOnlyList<double>> ScoreAsync(string goalText, IReadOnlyList<string> candidateTexts, CancellationToken cancellationToken = default);
}
