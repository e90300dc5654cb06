namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// A nudge about one rater: its code (<see cref="BiasCodes"/>), the method that produced it, the
/// criteria that fired (names of the numbers, e.g. "sdRatio", "middleShare") and all the rater's numbers.
/// </summary>
internal sealed record RaterFlag(
    string Code,
    string Method,
    IReadOnlyList<string> Criteria,
    RaterNumbers Numbers);
