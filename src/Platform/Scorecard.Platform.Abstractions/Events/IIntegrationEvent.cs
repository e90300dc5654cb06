namespace Scorecard.Platform.Events;

/// <summary>A fact one module publishes for others to react to, in process.</summary>
public interface IIntegrationEvent
{
    DateTimeOffset OccurredAt { get; }
}

public interface IEventBus
{
    Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent;
}

public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
