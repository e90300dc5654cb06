namespace Scorecard.Reviews.Domain.Bias;

/// <summary>One rater compared with the other raters of the cycle.</summary>
internal sealed record RaterProfile(Guid RaterId, RaterNumbers Numbers, IReadOnlyList<RaterFlag> Flags);
