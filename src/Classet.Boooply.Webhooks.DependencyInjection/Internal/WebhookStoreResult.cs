namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>What <see cref="IWebhookDeliveryStore.StoreAsync"/> did with a delivery.</summary>
internal enum WebhookStoreResult
{
    /// <summary>The delivery is now stored durably.</summary>
    Stored,

    /// <summary>A delivery with the same vendor and key was already stored: nothing was written.</summary>
    AlreadyStored,
}
