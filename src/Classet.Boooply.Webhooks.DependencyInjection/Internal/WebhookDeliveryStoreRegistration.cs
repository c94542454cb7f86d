namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>
/// Routes the verified deliveries of the vendor whose base event type is <typeparamref name="TBase"/> to a store
/// instead of inline dispatch (see <see cref="IWebhookDeliveryStore"/>). Registered with
/// <see cref="WebhookServiceRegistration.UseDeliveryStore{TBase}"/>.
/// </summary>
internal sealed class WebhookDeliveryStoreRegistration<TBase>
    where TBase : class
{
    public WebhookDeliveryStoreRegistration(Func<IServiceProvider, IWebhookDeliveryStore> storeFactory)
    {
        StoreFactory = storeFactory;
    }

    public Func<IServiceProvider, IWebhookDeliveryStore> StoreFactory { get; }
}
