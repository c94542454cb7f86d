using Classet.Boooply.Webhooks;

namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Turns deduplication on for the vendor whose base event type is <typeparamref name="TBase"/>, with the store to use.</summary>
internal sealed class WebhookDeduplicationRegistration<TBase>
    where TBase : class
{
    public WebhookDeduplicationRegistration(Func<IServiceProvider, IWebhookDeduplicationStore> storeFactory)
    {
        StoreFactory = storeFactory;
    }

    public Func<IServiceProvider, IWebhookDeduplicationStore> StoreFactory { get; }
}
