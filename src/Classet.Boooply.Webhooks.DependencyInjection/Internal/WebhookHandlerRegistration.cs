using Classet.Boooply.Webhooks;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>One handler registered for one vendor; <typeparamref name="TBase"/> is the vendor's base event type.</summary>
internal sealed class WebhookHandlerRegistration<TBase>
    where TBase : class
{
    public WebhookHandlerRegistration(
        Type eventType,
        object identity,
        Func<TBase, bool> matches,
        Func<IServiceProvider, TBase, WebhookDeliveryContext, CancellationToken, Task> invoke)
    {
        EventType = eventType;
        Identity = identity;
        Matches = matches;
        Invoke = invoke;
    }

    public Type EventType { get; }

    /// <summary>What makes two registrations the same: the (event, handler type) pair, or the delegate.</summary>
    public object Identity { get; }

    public Func<TBase, bool> Matches { get; }

    public Func<IServiceProvider, TBase, WebhookDeliveryContext, CancellationToken, Task> Invoke { get; }
}
