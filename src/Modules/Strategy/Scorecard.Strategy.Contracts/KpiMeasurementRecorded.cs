using Scorecard.Platform.Events;

namespace Scorecard.Strategy.Contracts;

/// <summary>Published after a KPI measurement is stored (OKR key results linked to the KPI refresh on it).</summary>
public sealed record KpiMeasurementRecorded(
    Guid KpiId,
    Guid ObjectiveId,
    DateOnly Date,
    double Value,
    Guid? RecordedByPersonId,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
