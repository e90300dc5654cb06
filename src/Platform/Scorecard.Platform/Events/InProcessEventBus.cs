using Microsoft.Extensions.DependencyInjection;
using Scorecard.Platform.Persistence;

namespace Scorecard.Platform.Events;

/// <summary>
/// Delivers an event to every registered handler, in the publisher's scope, one after another — after
/// the publisher's unit of work commits, so no handler reacts to a change that was rolled back.
/// </summary>
internal sealed class InProcessEventBus(IServiceProvider services, UnitOfWork unitOfWork) : IEventBus
{
    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent =>
        unitOfWork.AfterCommitAsync(async ct =>
        {
            foreach (var handler in services.GetServices<IIntegrationEventHandler<TEvent>>())
                await handler.HandleAsync(integrationEvent, ct);
        }, cancellationToken);
}
