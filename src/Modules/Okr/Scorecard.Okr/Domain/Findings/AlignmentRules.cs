namespace Scorecard.Okr.Domain;

/// <summary>
/// Thresholds of the alignment checks (all "design" choices, see DOMAIN.md).
/// <para><see cref="LexicalWeakLinkThreshold"/> = 0.10: TF-IDF cosine below which a claimed parent
/// outside the goal's top 3 is a weak link. Fixed before the labelled set in the tests
/// (WeakLinkLabelledSet) was first evaluated and not changed afterwards. On that set it decides
/// little: every unrelated pair but one scores 0, and every related pair the lexicon connects is in
/// its goal's top 3, so any value in (0, 0.108] gives the same result there. It matters for large
/// candidate sets, where a genuinely related parent can fall to rank 4+ yet still share real terms.</para>
/// <para><see cref="EmbeddingWeakLinkThreshold"/> = 0.5: a starting point only — embedding cosines
/// depend on the model; calibrate it on the same labelled set when a model is configured.</para>
/// </summary>
internal sealed record AlignmentRules
{
    public static AlignmentRules Default { get; } = new();

    public double LexicalWeakLinkThreshold { get; init; } = 0.10;

    public double EmbeddingWeakLinkThreshold { get; init; } = 0.5;

    /// <summary>A claimed parent among the goal's top N most similar candidates is never a weak link.</summary>
    public int WeakLinkTopN { get; init; } = 3;

    /// <summary>How many candidate parents UNALIGNED and WEAK_LINK suggest.</summary>
    public int SuggestionCount { get; init; } = 3;

    public int MaxObjectivesPerOwnerPerPeriod { get; init; } = 5;

    public int MaxKeyResultsPerObjective { get; init; } = 5;

    public double PortfolioDistanceThreshold { get; init; } = PortfolioSkew.DistanceThreshold;

    public int PortfolioMinimumGoals { get; init; } = PortfolioSkew.MinimumGoals;

    public double PortfolioUncoveredWeight { get; init; } = PortfolioSkew.UncoveredWeightThreshold;

    public double WeakLinkThreshold(SimilarityMethod method) =>
        method == SimilarityMethod.Embedding ? EmbeddingWeakLinkThreshold : LexicalWeakLinkThreshold;
}
