namespace Classet.Boooply.Webhooks;

/// <summary>What <see cref="IWebhookInboxStore.EnqueueAsync"/> did with a delivery. Either way the delivery is durably known.</summary>
public enum WebhookInboxEnqueueResult
{
    /// <summary>
    /// The delivery was stored as a new entry (or it replaced a completed entry with the same key that was older than
    /// <c>RetainCompletedFor</c>).
    /// </summary>
    Inserted = 0,

    /// <summary>
    /// An entry with the same vendor and delivery key is already stored (pending, processing, completed within
    /// <c>RetainCompletedFor</c>, or failed); nothing was written.
    /// </summary>
    AlreadyKnown = 1,
}
