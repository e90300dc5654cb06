namespace Scorecard.Reviews.Domain.Bias;

/// <summary>A lower-cased word of feedback text; HasDigit marks numbers ("30", "3.5", "q3").</summary>
internal sealed record FeedbackToken(string Text, bool HasDigit);
