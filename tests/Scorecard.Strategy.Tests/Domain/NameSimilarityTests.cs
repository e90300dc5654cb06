using Scorecard.Strategy.Domain.Health;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class NameSimilarityTests
{
    [Theory]
    [InlineData("Increase customer satisfaction", "Increasing the satisfaction of customers", 1.0)]
    [InlineData("Grow revenues", "Growing revenue", 1.0)]
    [InlineData("Improve customer retention", "Improve employee retention", 0.5)]
    [InlineData("Reduce process costs", "Reduce process costs in EMEA", 0.75)]
    [InlineData("Revenue", "Hire engineers", 0.0)]
    [InlineData("The and of", "Revenue", 0.0)]
    public void Jaccard_over_stemmed_content_words(string first, string second, double expected)
    {
        Assert.Equal(expected, NameSimilarity.Jaccard(first, second), 12);
    }

    [Theory]
    [InlineData("companies", "company")]
    [InlineData("processes", "process")]
    [InlineData("improvement", "improv")]
    [InlineData("improved", "improv")]
    [InlineData("sales", "sal")]
    [InlineData("onboarding", "onboard")]
    public void Stemming_folds_common_suffixes(string word, string stem)
    {
        Assert.Equal(stem, NameSimilarity.Stem(word));
    }
}
