namespace Scorecard.Reviews.Domain.Bias;

/// <summary>A word or phrase found in the text, reported once with how often it occurs, and its list.</summary>
internal sealed record FoundWord(string Word, int Count, string Category);
