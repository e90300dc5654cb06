using Scorecard.Platform.Events;
using Scorecard.Strategy.Contracts;

namespace Scorecard.Okr.Application;

/// <summary>Refreshes <c>kpi</c> key results when the Strategy module records a measurement of their KPI.</summary>
internal sealed class KpiMeasurementRecordedHandler(ObjectivesService objectives) : IIntegrationEventHandler<KpiMeasurementRecorded>
{
    public Task HandleAsync(KpiMeasurementRecorded integrationEvent, CancellationToken cancellationToken) =>
        objectives.RefreshFromKpiAsync(integrationEvent.KpiId, integrationEvent.Date, integrationEvent.Value, integrationEvent.RecordedByPersonId, cancellationToken);
}
