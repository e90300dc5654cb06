using Scorecard.Platform.Events;

namespace Scorecard.Okr.Contracts;

public sealed record OkrCheckInRecorded(
    Guid CheckInId,
    Guid KeyResultId,
    Guid ObjectiveId,
    Guid? OwnerPersonId,
    double Value,
    int Confidence,
    Guid ByPersonId,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
