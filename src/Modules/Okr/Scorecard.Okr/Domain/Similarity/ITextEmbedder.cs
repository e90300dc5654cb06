namespace Scorecard.Okr.Domain;

/// <summary>
/// Seam for an embedding model: one vector per input text, in input order. An adapter over
/// Microsoft.Extensions.AI's <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> implements it
/// outside the domain; the domain only needs the vectors.
/// </summary>
internal interface ITextEmbedder
{
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
