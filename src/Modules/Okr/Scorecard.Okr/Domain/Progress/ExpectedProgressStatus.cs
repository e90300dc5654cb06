namespace Scorecard.Okr.Domain;

/// <summary>Where an objective or key result stands against the progress expected by now.</summary>
internal enum ExpectedProgressStatus
{
    OnTrack,
    Behind,
    AtRisk,
    Achieved,
}

internal static class ExpectedProgressStatusCodes
{
    public static string ToCode(this ExpectedProgressStatus status) => status switch
    {
        ExpectedProgressStatus.OnTrack => "on_track",
        ExpectedProgressStatus.Behind => "behind",
        ExpectedProgressStatus.AtRisk => "at_risk",
        ExpectedProgressStatus.Achieved => "achieved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };
}
