using Scorecard.Platform;

namespace Scorecard.Okr.Domain;

/// <summary>How a key result's progress is measured.</summary>
internal enum KeyResultKind
{
    /// <summary>A number moving from a start to a target, upwards or downwards.</summary>
    Metric,

    /// <summary>A percentage (0–100) moving from a start to a target; same formula as <see cref="Metric"/>.</summary>
    Percentage,

    /// <summary>Done or not done, by a due date.</summary>
    Milestone,

    /// <summary>Like <see cref="Metric"/>, but the current value is read from a scorecard KPI.</summary>
    Kpi,

    /// <summary>Keep a value inside a band low..high (a health metric that must not regress).</summary>
    Control,
}

/// <summary>The stable text codes of <see cref="KeyResultKind"/> (API and storage).</summary>
internal static class KeyResultKindCodes
{
    public static string ToCode(this KeyResultKind kind) => kind switch
    {
        KeyResultKind.Metric => "metric",
        KeyResultKind.Percentage => "percentage",
        KeyResultKind.Milestone => "milestone",
        KeyResultKind.Kpi => "kpi",
        KeyResultKind.Control => "control",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown key-result kind."),
    };

    public static KeyResultKind Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "metric" => KeyResultKind.Metric,
        "percentage" => KeyResultKind.Percentage,
        "milestone" => KeyResultKind.Milestone,
        "kpi" => KeyResultKind.Kpi,
        "control" => KeyResultKind.Control,
        _ => throw new BadInputException("kind", $"'{code}' is not a key-result kind. Use metric, percentage, milestone, kpi or control."),
    };
}
