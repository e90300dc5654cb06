namespace Scorecard.Okr.Domain;

/// <summary>How candidate parents were scored; thresholds differ per method.</summary>
internal enum SimilarityMethod
{
    /// <summary>TF-IDF over Porter-stemmed terms, cosine (the default, no model needed).</summary>
    Lexical,

    /// <summary>Cosine over embeddings from a configured <see cref="ITextEmbedder"/>.</summary>
    Embedding,
}
