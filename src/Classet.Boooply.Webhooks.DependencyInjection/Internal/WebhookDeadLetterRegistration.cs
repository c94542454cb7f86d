using Classet.Boooply.Webhooks;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>One dead-letter handler registered for the vendor whose base event type is <typeparamref name="TBase"/>.</summary>
internal sealed class WebhookDeadLetterRegistration<TBase>
    where TBase : class
{
    public WebhookDeadLetterRegistration(object identity, Func<IServiceProvider, WebhookDeadLetter, CancellationToken, Task> invoke)
    {
        Identity = identity;
        Invoke = invoke;
    }

    public object Identity { get; }

    public Func<IServiceProvider, WebhookDeadLetter, CancellationToken, Task> Invoke { get; }
}
