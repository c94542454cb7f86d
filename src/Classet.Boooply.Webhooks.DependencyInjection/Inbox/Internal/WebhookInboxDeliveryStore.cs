using Classet.Boooply.Webhooks.DependencyInjection.Internal;

namespace Classet.Boooply.Webhooks.DependencyInjection.Inbox.Internal;

/// <summary>
/// What <c>UseInbox()</c> puts behind a vendor's receiver: each verified delivery is written to the inbox, and the
/// receiver answers once the write has committed (200), or 503 when it throws.
/// </summary>
/// <remarks>
/// A body that verified but does not parse is stored as a pending entry too, not handed to the dead-letter handlers in
/// the request: the dispatcher parses it again, finds it permanently broken, runs the dead-letter handlers while it holds
/// the lease (so a crash in between means they run again, never that they are skipped) and marks it
/// <see cref="WebhookInboxState.Failed"/> with the parse error. An operator can replay it after a fix.
/// </remarks>
internal sealed class WebhookInboxDeliveryStore : IWebhookDeliveryStore
{
    private readonly WebhookInboxWriter _writer;

    public WebhookInboxDeliveryStore(WebhookInboxWriter writer)
    {
        _writer = writer;
    }

    public async ValueTask<WebhookStoreResult> StoreAsync(VerifiedWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var entry = new WebhookInboxDelivery
        {
            Vendor = delivery.Vendor,
            DeliveryKey = delivery.DeliveryKey,
            EventType = delivery.EventType,
            Body = delivery.Body,
            Headers = delivery.Headers,
            VerificationMethod = delivery.VerificationMethod,
            ReceivedAt = delivery.ReceivedAt,
        };

        // An aborted request may leave the write committed or not; either way the vendor got no 200 and sends it again,
        // and the copy is then answered 200 as already stored or stored now.
        var result = await _writer.EnqueueAsync(entry, cancellationToken).ConfigureAwait(false);
        return result == WebhookInboxEnqueueResult.Inserted ? WebhookStoreResult.Stored : WebhookStoreResult.AlreadyStored;
    }
}
