namespace Scorecard.Strategy.Persistence;

// EF entities of the Strategy module (tables prefixed strategy_). The calculations live in Domain/; these hold data.

/// <summary>A balanced scorecard of one org unit for one period. The company scorecard belongs to the root unit.</summary>
internal sealed class ScorecardRecord
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public bool IsCompany { get; set; }
    /// <summary>The scorecard it cascades from (the nearest ancestor unit's scorecard for the same period).</summary>
    public Guid? ParentScorecardId { get; set; }
    public Guid? OwnerId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class PerspectiveRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ScorecardId { get; set; }
    public string Name { get; set; } = "";
    public int Position { get; set; }
    public double Weight { get; set; } = 1.0;
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ObjectiveRecord
{
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ScorecardId { get; set; }
    public Guid PerspectiveId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Guid? OwnerId { get; set; }
    public double Weight { get; set; } = 1.0;
    public int Position { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class KpiRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ObjectiveId { get; set; }
    /// <summary>For a cascaded sub-KPI: the KPI it feeds (whose value aggregates its sub-KPIs).</summary>
    public Guid? ParentKpiId { get; set; }
    public string Name { get; set; } = "";
    public string? Unit { get; set; }
    public Guid? OwnerId { get; set; }
    public string? DataSource { get; set; }
    public string Direction { get; set; } = "increase";
    public double? Baseline { get; set; }
    public double? Target { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public double? BandLow { get; set; }
    public double? BandHigh { get; set; }
    public double? GreenThreshold { get; set; }
    public double? AmberThreshold { get; set; }
    public string UpdateInterval { get; set; } = "monthly";
    public bool Leading { get; set; }
    public double Weight { get; set; } = 1.0;
    /// <summary>How sub-KPIs are combined into this KPI's value (null: measured directly).</summary>
    public string? Aggregation { get; set; }
    public DateOnly TrackingSince { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class MeasurementRecord
{
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid KpiId { get; set; }
    public DateOnly Date { get; set; }
    public double Value { get; set; }
    public string? Note { get; set; }
    public Guid? EnteredById { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    /// <summary>Changes on every correction, so a correction made on a stale page is refused (409).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// One correction or deletion of a measurement, kept after the measurement itself changes or goes:
/// the old and new value (null when deleted), who, when and why.
/// </summary>
internal sealed class MeasurementCorrectionRecord
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeasurementId { get; set; }
    public Guid KpiId { get; set; }
    public DateOnly Date { get; set; }
    public double OldValue { get; set; }
    /// <summary>Null when the measurement was deleted.</summary>
    public double? NewValue { get; set; }
    public string Reason { get; set; } = "";
    public Guid? CorrectedById { get; set; }
    public DateTimeOffset CorrectedAt { get; set; }
}

internal sealed class InitiativeRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ScorecardId { get; set; }
    public string Name { get; set; } = "";
    public Guid? OwnerId { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public decimal? Budget { get; set; }
    /// <summary>ISO 4217 code of the budget (EUR, USD…); null when no budget is given.</summary>
    public string? Currency { get; set; }
    public string Status { get; set; } = "planned";
    public double PercentComplete { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class InitiativeObjectiveRecord
{
    public Guid InitiativeId { get; set; }
    public Guid ObjectiveId { get; set; }
}

/// <summary>A cause-and-effect arrow on the strategy map with the hypothesis it states.</summary>
internal sealed class MapLinkRecord
{
    public const int HypothesisMaxLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ScorecardId { get; set; }
    public Guid FromObjectiveId { get; set; }
    public Guid ToObjectiveId { get; set; }
    public string Hypothesis { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A cascade link: the child objective translates the parent objective (usually in the parent scorecard).</summary>
internal sealed class ContributionRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ChildObjectiveId { get; set; }
    public Guid ParentObjectiveId { get; set; }
    public double Weight { get; set; } = 1.0;
}

/// <summary>A strategy review meeting on a scorecard.</summary>
internal sealed class StrategyReviewRecord
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ScorecardId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Title { get; set; } = "";
    public string? Notes { get; set; }
    /// <summary>Attendee person ids, comma-separated.</summary>
    public string Attendees { get; set; } = "";
    public Guid? RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A decision or action taken in a review, with its owner, due date and the objective it concerns.</summary>
internal sealed class ReviewDecisionRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ReviewId { get; set; }
    public string Kind { get; set; } = "decision";
    public string Text { get; set; } = "";
    public Guid? OwnerId { get; set; }
    public DateOnly? DueOn { get; set; }
    public Guid? ObjectiveId { get; set; }
    public int Position { get; set; }
}
