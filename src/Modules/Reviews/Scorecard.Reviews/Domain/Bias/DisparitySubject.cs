namespace Scorecard.Reviews.Domain.Bias;

/// <summary>
/// One person in a disparity analysis: the group label (null or blank = unknown, excluded) and
/// whether the person was "selected" (top rating band, or a promotion recommendation).
/// </summary>
internal sealed record DisparitySubject(string? Group, bool Selected);
