namespace Tradehall.Core.Shared;

/// <summary>Lets a module react to another's event without knowing it; handlers join the publisher's unit of work.</summary>
public interface IDomainEventSubscriber<in TEvent>
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

public sealed class DomainEvents(IServiceProvider services)
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
    {
        foreach (var handler in services.GetServices<IDomainEventSubscriber<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, cancellationToken);
        }
    }
}
