using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain;

public sealed class SimilarityTests
{
    [Fact]
    public void Terms_are_lower_cased_stemmed_without_stop_words_or_numbers()
    {
        var terms = TermExtractor.Terms("Connecting the customers' dashboards by Q4 2026");

        Assert.Equal(["connect", "custom", "dashboard"], terms);
    }

    [Fact]
    public void Abbreviations_expand_and_concepts_join_synonyms()
    {
        Assert.Contains("promot", TermExtractor.Terms("Raise NPS to 65"));
        Assert.Contains("§retention", TermExtractor.Terms("prevent churn"));
        Assert.Contains("§retention", TermExtractor.Terms("at-risk renewals"));
        Assert.Contains("§onboarding", TermExtractor.Terms("Cut time to first value"));
    }

    [Fact]
    public void Cosine_of_identical_texts_is_one_and_of_disjoint_texts_zero()
    {
        var model = new TfIdfSimilarity(["raise customer satisfaction", "refactor build pipeline"]);

        Assert.Equal(1.0, model.Cosine("raise customer satisfaction", "raise customer satisfaction"), 10);
        Assert.Equal(0.0, model.Cosine("customer satisfaction", "refactor build pipeline"));
        Assert.Equal(0.0, model.Cosine("", "customer"));
    }

    [Fact]
    public void Idf_weights_rare_terms_above_common_ones()
    {
        var model = new TfIdfSimilarity(["customer retention", "customer onboarding", "customer billing", "security audit"]);

        Assert.True(model.InverseDocumentFrequency("audit") > model.InverseDocumentFrequency("custom"));
        // ln(5/5) + 1 = 1 for a term in 4 of 4 documents +1 smoothing; ln(5/2) + 1 for one in 1 document.
        Assert.Equal(Math.Log(5.0 / 2.0) + 1.0, model.InverseDocumentFrequency("audit"), 10);
    }

    [Fact]
    public async Task Ranking_puts_the_related_parent_first()
    {
        var nps = new ParentCandidate(ParentRef.Okr(Guid.NewGuid()), "Raise NPS from 45 to 65", "Raise NPS from 45 to 65. Increase CSAT on support tickets from 82% to 90%.");
        var billing = new ParentCandidate(ParentRef.Okr(Guid.NewGuid()), "Get billing right", "Reduce invoice errors from 3% to 0.5%.");
        var people = new ParentCandidate(ParentRef.Okr(Guid.NewGuid()), "Engaged team", "Raise employee engagement from 70 to 78.");

        var ranking = await new CandidateRanker(new LexicalTextSimilarity())
            .RankAsync("Cut median support resolution time from 48h to 24h for enterprise tickets", [billing, people, nps]);

        Assert.Equal(nps.Ref, ranking[0].Candidate.Ref);
        Assert.Equal(1, ranking[0].Rank);
        Assert.True(ranking[0].Score > 0.1);
        Assert.Equal(0.0, ranking[1].Score);
        Assert.Equal(2, ranking[2].Rank); // tie at 0 shares rank 2
    }

    [Fact]
    public async Task Embedding_path_uses_cosine_over_the_embedder_vectors()
    {
        var embedder = new FakeEmbedder(new Dictionary<string, float[]>
        {
            ["goal"] = [1, 0, 0],
            ["close"] = [0.9f, 0.1f, 0],
            ["far"] = [0, 0, 1],
        });
        var similarity = new EmbeddingTextSimilarity(embedder);

        var scores = await similarity.ScoreAsync("goal", ["close", "far"]);

        Assert.Equal(SimilarityMethod.Embedding, similarity.Method);
        Assert.Equal(0.9 / Math.Sqrt(0.82), scores[0], 5);
        Assert.Equal(0.0, scores[1], 10);
        Assert.Equal(1, embedder.Calls); // one batch for goal and candidates
    }

    [Fact]
    public void Vector_cosine_rejects_mismatched_lengths_and_handles_zero_vectors()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.Cosine([1, 2], [1]));
        Assert.Equal(0.0, VectorMath.Cosine([0, 0], [1, 1]));
        Assert.Equal(-1.0, VectorMath.Cosine([1, 0], [-2, 0]), 10);
    }

    [Fact]
    public void Weak_link_needs_both_outside_top_three_and_below_threshold()
    {
        RankedCandidate R(string title, double score, int rank) =>
            new(new ParentCandidate(ParentRef.Okr(Guid.NewGuid()), title, title), score, rank);
        var ranking = new[] { R("a", 0.6, 1), R("b", 0.5, 2), R("c", 0.3, 3), R("d", 0.2, 4), R("e", 0.05, 5), R("f", 0.0, 6), R("g", 0.0, 6) };

        Assert.False(WeakLinkRule.Evaluate(ranking, ranking[2].Candidate.Ref, 0.25).IsWeak);  // in top 3
        Assert.False(WeakLinkRule.Evaluate(ranking, ranking[3].Candidate.Ref, 0.15).IsWeak);  // rank 4 but 0.2 ≥ 0.15
        var weak = WeakLinkRule.Evaluate(ranking, ranking[4].Candidate.Ref, 0.15);
        Assert.True(weak.IsWeak);
        Assert.Equal(["a", "b", "c"], weak.BetterCandidates.Select(b => b.Candidate.Title));

        var allZero = new[] { R("x", 0.0, 1), R("y", 0.0, 1) };
        Assert.True(WeakLinkRule.Evaluate(allZero, allZero[0].Candidate.Ref, 0.1).IsWeak); // zero is no evidence
    }

    private sealed class FakeEmbedder(Dictionary<string, float[]> vectors) : ITextEmbedder
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(t => vectors[t])]);
        }
    }
}
