using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Events;

namespace Scorecard.Platform.Events;

/// <summary>Delivers an event to every registered handler, in the publisher's scope, one after another.</summary>
internal sealed class InProcessEventBus(IServiceProvider services) : IEventBus
{
    public async Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent
    {
        foreach (var handler in services.GetServices<IIntegrationEventHandler<TEvent>>())
            await handler.HandleAsync(integrationEvent, cancellationToken);
    }
}
