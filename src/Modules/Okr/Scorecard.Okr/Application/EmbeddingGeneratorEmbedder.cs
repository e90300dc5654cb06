using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Application;

/// <summary>Adapts a configured Microsoft.Extensions.AI embedding generator to the domain's <see cref="ITextEmbedder"/>.</summary>
internal sealed class EmbeddingGeneratorEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator) : ITextEmbedder
{
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. embeddings.Select(e => e.Vector.ToArray())];
    }
}

/// <summary>TF-IDF by default; embeddings when an <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> is registered.</summary>
internal static class SimilarityFactory
{
    public static ITextSimilarity Create(IServiceProvider services) =>
        services.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } generator
            ? new EmbeddingTextSimilarity(new EmbeddingGeneratorEmbedder(generator))
            : new LexicalTextSimilarity();
}
