namespace Scorecard.Reviews.Domain.Bias;

/// <summary>Groups ordered by label (ordinal); people with an unknown label are only counted.</summary>
internal sealed record DisparityReport(int ExcludedUnknown, IReadOnlyList<GroupDisparity> Groups, string Method);
