namespace Scorecard.Reviews.Domain.Bias;

/// <summary>How strongly a nudge asks for a second look. Neither level blocks anything.</summary>
internal enum FindingSeverity
{
    Info = 0,
    Warning = 1,
}
