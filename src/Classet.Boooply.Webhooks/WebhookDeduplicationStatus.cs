namespace Classet.Boooply.Webhooks;

/// <summary>The outcome of <see cref="IWebhookDeduplicationStore.TryClaimAsync"/>.</summary>
public enum WebhookDeduplicationStatus
{
    /// <summary>The key was not known (or its earlier claim was released or expired): the caller now owns it and must process the delivery.</summary>
    Claimed = 0,

    /// <summary>A delivery with this key was already processed successfully: do not process it again.</summary>
    AlreadyProcessed = 1,

    /// <summary>Another delivery with this key is being processed right now: do not process it concurrently.</summary>
    InProgress = 2,
}
