using System.Collections.Concurrent;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>The handlers of one vendor, in registration order, with the matching set cached per concrete event type.</summary>
internal sealed class WebhookHandlerRegistry<TBase>
    where TBase : class
{
    private readonly WebhookHandlerRegistration<TBase>[] _registrations;
    private readonly ConcurrentDictionary<Type, WebhookHandlerRegistration<TBase>[]> _byEventType = new();

    public WebhookHandlerRegistry(IEnumerable<WebhookHandlerRegistration<TBase>> registrations)
    {
        _registrations = [.. registrations];
    }

    public int Count => _registrations.Length;

    /// <summary>Gets the handlers for an event, in registration order, without allocating after the first event of its type.</summary>
    public WebhookHandlerRegistration<TBase>[] GetHandlers(TBase webhookEvent)
    {
        var type = webhookEvent.GetType();
        if (_byEventType.TryGetValue(type, out var cached))
        {
            return cached;
        }

        // Matching uses the registration's own "is TEvent" test on this instance: every instance of a sealed record
        // type gives the same answer, so caching by runtime type is exact.
        var matching = Array.FindAll(_registrations, registration => registration.Matches(webhookEvent));
        return _byEventType.GetOrAdd(type, matching);
    }
}
